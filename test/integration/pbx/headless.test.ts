import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { httpGet, upgradeStatus } from '../support/bridgeClient';
import { LAN_ADDRESS } from '../support/lanAddress';
import { RawSipClient } from '../support/rawSipClient';
import { HAS_OPENSSL, makeSelfSignedCertificate } from '../support/selfSignedCertificate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Runs `npm run pbx`'s entry point as its own process and resolves with the WebSocket URL it prints. */
function startHeadless(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/pbx/cli.ts', '--port', '0', '--data-dir', mkdtempSync(path.join(tmpdir(), 'hotdesk-headless-')), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(wss?:\/\/\S+\/sip)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`headless PBX exited with ${code}: ${output}`)));
  });
}

describe('headless PBX (npm run pbx)', () => {
  it('serves SIP over plain WebSocket', async () => {
    const url = await startHeadless([]);
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sip$/);
    const client = await RawSipClient.connect(url);
    expect(await client.register('100', 'sip-100')).toBe(200);
    client.close();
  });

  it.skipIf(!HAS_OPENSSL)('serves SIP over secure WebSocket when given a certificate (skipped without openssl)', async () => {
    const { cert, key } = makeSelfSignedCertificate();
    const url = await startHeadless(['--tls-cert', cert, '--tls-key', key]);
    expect(url).toMatch(/^wss:\/\//);
    const client = await RawSipClient.connect(url, 'sip', { rejectUnauthorized: false });
    expect(await client.register('101', 'sip-101')).toBe(200);
    client.close();
  });

  it.skipIf(LAN_ADDRESS === null)('over plain HTTP serves another machine SIP alone: no console, admin API or provisioning (skipped without a LAN address)', async () => {
    const origin = `http://127.0.0.1:${new URL(await startHeadless(['--mode', 'site', '--host', '0.0.0.0'])).port}`;
    const asRemote = { localAddress: LAN_ADDRESS ?? undefined };
    for (const path of ['/admin', '/api/v1/phones', '/provisioning/anything']) {
      const answer = await httpGet(`${origin}${path}`, {}, asRemote);
      expect(answer.status, path).toBe(403);
      expect(answer.body, path).toMatch(/HTTPS only/);
    }
    // This machine still reaches all of it, and another machine still reaches SIP.
    expect((await httpGet(`${origin}/api/v1/phones`)).status).toBe(401);
    expect(await upgradeStatus(`${origin.replace(/^http/, 'ws')}/sip`, {}, { ...asRemote, protocol: 'sip' })).toBe(101);
  });

  it('refuses demo mode on a non-loopback address with a clear message', async () => {
    await expect(startHeadless(['--host', '0.0.0.0'])).rejects.toThrow(/loopback only/);
  });
});
