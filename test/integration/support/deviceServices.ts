import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDeviceServices, type DeviceServices, type DeviceServicesOptions } from '../../../electron/host/services';

/** A cheap scrypt cost for the admin PIN, so a test's PIN checks take milliseconds. */
export const TEST_PIN_COST = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Starts the real device services on a free loopback port (demo mode unless `overrides` say otherwise) with a fresh
 * data dir (or `overrides.dataDir`) and a tiny renderer stand-in.
 */
export async function startTestServices(
  tls: { cert: string; key: string } | null = null,
  overrides: Partial<DeviceServicesOptions> = {},
): Promise<DeviceServices & { dataDir: string }> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hotdesk-it-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hotdesk</title>');
  writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'admin.html'), '<!doctype html><title>Hotdesk console</title>');
  writeFileSync(path.join(dataDir, 'secret.txt'), 'do not serve');
  const services = await startDeviceServices({
    dataDir,
    hostKind: 'web',
    mode: 'demo',
    port: 0,
    rendererDir,
    version: '0.0.0-test',
    tls,
    pinCost: TEST_PIN_COST,
    ...overrides,
  });
  return Object.assign(services, { dataDir });
}
