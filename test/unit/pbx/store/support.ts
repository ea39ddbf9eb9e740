import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MigrationContext } from '../../../../electron/pbx/store/migrations';
import { seededBytes } from '../hotdesk/support';

export function tempDir(prefix = 'hotdesk-store-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function migrationContext(now = new Date('2025-03-01T09:00:00.000Z')): MigrationContext {
  const randomBytes = seededBytes('migration');
  return {
    now: () => now,
    randomBytes,
    newSipSecret: () => ({ ha1: randomBytes(16).toString('hex'), realm: 'hotdesk.test' }),
  };
}
