import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestPbx, type TestPbx } from '../support/pbxServer';
import { ADMIN } from './support/apiServer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const api = async (server: TestPbx, method: string, route: string, body?: unknown) => {
  const response = await fetch(`${server.origin}/api/v1${route}`, {
    method,
    headers: { Authorization: ADMIN, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Json };
};

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => `${name} ${statSync(path.join(dir, name)).mtimeMs} ${readFileSync(path.join(dir, name), 'utf8').length}`);
}

describe('the PBX data after damage, over the real PBX and its admin API', () => {
  it('loses only the damaged audit line: the rest stays in /api/v1/audit and new records keep coming', async () => {
    let server = await startTestPbx();
    for (let n = 0; n < 5; n++) await server.pbx.hotDesk.audit.append({ kind: 'test.event', actor: 'admin', detail: `#${n}` });
    await server.stop();
    const auditFile = path.join(server.dataDir, 'audit.jsonl');
    const lines = readFileSync(auditFile, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('#2', '#X');
    writeFileSync(auditFile, lines.join('\n'));

    server = await startTestPbx({ dataDir: server.dataDir });
    try {
      expect(server.pbx.warnings).toEqual([expect.stringMatching(/audit\.jsonl: damaged record at line 4 — skipped; the other 4 records were kept/)]);
      const details = async () => ((await api(server, 'GET', '/audit?kind=test.event')).json.events as Json[]).map((event) => event.detail);
      expect(await details()).toEqual(['#0', '#1', '#3', '#4']);
      await server.pbx.hotDesk.audit.append({ kind: 'test.event', actor: 'admin', detail: '#5' });
      expect(await details()).toEqual(['#0', '#1', '#3', '#4', '#5']);
    } finally {
      await server.stop();
    }
  });

  it('moves nothing aside on a start that fails, and says what it moved on the next one', async () => {
    const first = await startTestPbx();
    // The demo admin password is stored at its first use (or a few seconds after the start): use it.
    expect((await fetch(`${first.origin}/api/v1/devices`, { headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } })).status).toBe(200);
    await first.stop();
    const dir = first.dataDir;
    writeFileSync(path.join(dir, 'extensions.json'), '{"kind":"hotdesk.extensions","version":1,"data":{"extensions":[{');
    const admin = readFileSync(path.join(dir, 'admin.json'), 'utf8');
    writeFileSync(path.join(dir, 'admin.json'), admin.replace('"version": 1', '"version": 99'));
    const before = files(dir);
    await expect(startTestPbx({ dataDir: dir })).rejects.toThrow(/admin\.json has schema version 99, newer than this PBX understands/);
    expect(files(dir)).toEqual(before);

    writeFileSync(path.join(dir, 'admin.json'), admin);
    const again = await startTestPbx({ dataDir: dir });
    try {
      expect(again.pbx.warnings).toEqual([
        expect.stringMatching(/extensions\.json was unreadable \(not valid JSON.*\); it was moved to .*extensions\.json\.broken-/),
        'Demo mode: the demo extensions were seeded again in place of the file(s) moved aside',
      ]);
      expect(readdirSync(dir).filter((name) => name.startsWith('extensions.json.broken-'))).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });
});
