import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadOrCreateProvisioningSecret,
  PROVISIONING_SECRET_FILE,
  ProvisioningTokens,
} from '../../../../electron/pbx/provisioning/provisioningTokens';
import type { Mac } from '../../../../shared/domain/mac';
import { PROVISIONING_TOKEN } from '../../../../shared/sip/plugAndPlay';

const A = { name: 'HD0004', mac: '02:00:00:00:00:04' as Mac };
const B = { name: 'HD0005', mac: '02:00:00:00:00:05' as Mac };

describe('ProvisioningTokens', () => {
  it('gives each device its own 256-bit token and finds the device by it', () => {
    const tokens = new ProvisioningTokens(Buffer.alloc(32, 7));
    const token = tokens.tokenFor(A);
    expect(token).toMatch(PROVISIONING_TOKEN);
    expect(tokens.tokenFor(B)).not.toBe(token);
    expect(tokens.tokenFor({ ...A, mac: '02:00:00:00:00:99' as Mac })).not.toBe(token);
    expect(tokens.find(token, [B, A])).toBe(A);
    expect(tokens.find(`${token.slice(0, -1)}x`, [A, B])).toBeNull();
    expect(tokens.find('short', [A])).toBeNull();
  });

  it('depends on the secret', () => {
    expect(new ProvisioningTokens(Buffer.alloc(32, 1)).tokenFor(A)).not.toBe(new ProvisioningTokens(Buffer.alloc(32, 2)).tokenFor(A));
    expect(() => new ProvisioningTokens(Buffer.alloc(8))).toThrow(RangeError);
  });
});

describe('loadOrCreateProvisioningSecret', () => {
  it('creates a private secret once and reads the same one back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-secret-'));
    const first = loadOrCreateProvisioningSecret(dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, PROVISIONING_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateProvisioningSecret(dir).equals(first)).toBe(true);
  });

  it('refuses a damaged secret file rather than silently changing every URL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-secret-'));
    writeFileSync(path.join(dir, PROVISIONING_SECRET_FILE), 'garbage');
    expect(() => loadOrCreateProvisioningSecret(dir)).toThrow(/not a provisioning secret/);
    expect(readFileSync(path.join(dir, PROVISIONING_SECRET_FILE), 'utf8')).toBe('garbage');
  });
});
