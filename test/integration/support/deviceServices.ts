import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDeviceServices, type DeviceServices } from '../../../electron/host/services';

/** Starts the real device services on a free loopback port with a fresh data dir and a tiny renderer stand-in. */
export async function startTestServices(tls: { cert: string; key: string } | null = null): Promise<DeviceServices & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-it-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hotdesk</title>');
  writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dataDir, 'secret.txt'), 'do not serve');
  const services = await startDeviceServices({ dataDir, hostKind: 'web', mode: 'demo', port: 0, rendererDir, version: '0.0.0-test', tls });
  return Object.assign(services, { dataDir });
}
