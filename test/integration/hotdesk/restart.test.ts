import { afterEach, describe, expect, it } from 'vitest';
import type { TestPbx } from '../support/pbxServer';
import { startDeskPhone, startHotDeskPbx } from './support/hotDeskRig';

const servers: TestPbx[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

describe('hot-desk sessions over a PBX restart', () => {
  it('are kept on disk; a logout after the restart still reaches the device registered as the user', async () => {
    const first = await startHotDeskPbx();
    const desk = await startDeskPhone(first, 'HD0001');
    await desk.logIn('100', '482619');
    const since = first.pbx.logins.sessionOf('HD0001')?.since;
    await desk.close();
    await first.stop();

    const second = await startHotDeskPbx({ dataDir: first.dataDir, port: Number(new URL(first.origin).port) });
    servers.push(second);
    expect(second.pbx.logins.sessionOf('HD0001')).toEqual({ extension: '100', since });
    await desk.reconnect(second); // back as 100 with the document it kept; it fetched nothing from this PBX
    expect(desk.user).toBe('100');
    const checkSync = desk.nextCheckSync();
    const response = await fetch(`${second.origin}/api/v1/devices/HD0001/logout`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } });
    expect(response.status).toBe(200);
    await checkSync;
    await desk.reprovision();
    expect(desk.user).toBe('HD0001');
    await desk.close();
  });
});
