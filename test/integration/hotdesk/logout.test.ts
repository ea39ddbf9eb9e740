import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { logoutUrlFor } from '../../../shared/sip/provisioningLogout';
import type { DeskPhone } from './support/deskPhone';
import { ADMIN, ENTER_PIN, useHotDeskPbx } from './support/hotDeskRig';

const rig = useHotDeskPbx();
/** How many audit events there were when the test started: each test reads only its own. */
let auditMark = 0;

beforeEach(() => {
  auditMark = rig.server.pbx.hotDesk.audit.list().length;
});

async function loggedIn(device: string, extension: string, pin: string): Promise<DeskPhone> {
  const desk = await rig.desk(device);
  await desk.logIn(extension, pin);
  expect(desk.user).toBe(extension);
  return desk;
}

function audit(kind: string, device?: string) {
  return rig.server.pbx.hotDesk.audit
    .list()
    .slice(auditMark)
    .filter((event) => event.kind === kind && (device === undefined || event.device === device));
}

function logoutAudit(device: string) {
  return audit('hotdesk.logout', device).map((event) => [event.actor, event.extension, event.detail]);
}


describe('hot-desk logout: *77*5*, the device, the administrator', () => {
  it('*77*5* logs the device out at once: check-sync, the pool document, the user no longer registered from it', async () => {
    const desk = await loggedIn('HD0001', '100', '482619');
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(1);
    const checkSync = desk.nextCheckSync();
    const call = await desk.dial('*77*5*'); // dialled as 100, over the device's user registration
    expect(call.status).toBe(200);
    await checkSync;
    expect(await call.nextCaption()).toBe('Logged out');
    expect(rig.server.pbx.logins.sessionOf('HD0001')).toBeNull();
    expect(rig.server.pbx.sip.bindingsOf('100')).toEqual([]); // idle rules at once, before the device re-registers
    expect((await desk.fetchDocument()).identity).toEqual({ kind: 'pool', name: 'HD0001' });
    await call.ended();
    expect(logoutAudit('HD0001')).toEqual([['user', '100', 'dialled the logout code']]);

    await desk.reprovision();
    expect(desk.user).toBe('HD0001');
    const again = await desk.dial('*77*5*');
    expect(await again.nextCaption()).toBe('Not logged in');
    await again.ended();
  });

  it('roams from one user to the next with *77*<other>*', async () => {
    const desk = await loggedIn('HD0002', '100', '482619');
    expect((await desk.logIn('101', '739104'))[0]).toBe(ENTER_PIN);
    expect([desk.user, rig.server.pbx.logins.sessionOf('HD0002')?.extension]).toEqual(['101', '101']);
    expect(rig.server.pbx.sip.bindingsOf('100')).toEqual([]);
    // check-sync goes out first; the audit record follows a moment later.
    await vi.waitFor(() => expect(audit('hotdesk.roam').map((event) => [event.device, event.extension, event.detail])).toEqual([['HD0002', '101', 'from 100']]));
    expect(logoutAudit('HD0002')).toEqual([['user', '100', 'roamed to 101']]);
  });

  it('POST /provisioning/<token>/logout: 200 with the idle document and check-sync; 409 when nobody is logged in', async () => {
    const desk = await loggedIn('HD0003', '102', '508377');
    const url = logoutUrlFor(desk.url);
    if (url === null) throw new Error('the document URL has a logout URL beside it');
    const checkSync = desk.nextCheckSync();
    const done = await desk.provisioningRequest('POST', url, { reason: 'user' });
    expect([done.status, done.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const document = checkProvisioningDocument(await done.json());
    expect(document.ok && document.document.identity).toEqual({ kind: 'pool', name: 'HD0003' });
    expect(document.ok && document.document.session).toBeUndefined();
    await checkSync;
    expect(rig.server.pbx.sip.bindingsOf('102')).toEqual([]);

    const idle = await desk.provisioningRequest('POST', url, { reason: 'auto' });
    expect(idle.status).toBe(409);
    expect(checkProvisioningDocument(await idle.json()).ok).toBe(true);
    expect(logoutAudit('HD0003')).toEqual([['user', '102', 'Logout key on the device']]);

    await desk.reprovision();
    await desk.logIn('102', '508377');
    expect((await desk.provisioningRequest('POST', url, { reason: 'auto' })).status).toBe(200);
    expect(logoutAudit('HD0003').at(-1)).toEqual(['auto', '102', 'auto-logout timer on the device']);
  });

  it('refuses malformed logout requests with a plain error; the device check in front of it refuses strangers', async () => {
    const desk = await rig.desk('HD0001');
    const url = logoutUrlFor(desk.url) as string;
    const post = (body: unknown, contentType?: string) => desk.provisioningRequest('POST', url, body, contentType);
    expect((await post({ reason: 'bored' })).status).toBe(400);
    expect((await post('{"reason":')).status).toBe(400);
    expect((await post({ reason: 'user', extra: 1 })).status).toBe(400);
    expect((await post('reason=user', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post({ reason: 'user', pad: 'x'.repeat(4000) })).status).toBe(413);
    const get = await desk.provisioningRequest('GET', url);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    // Without the device proof nothing under /provisioning/ answers; with it, an unknown token is a bare 403.
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"reason":"user"}' })).status).toBe(401);
    const unknown = url.replace(/\/provisioning\/[^/]+\//, `/provisioning/${'A'.repeat(22)}/`);
    expect((await desk.provisioningRequest('POST', unknown, { reason: 'user' })).status).toBe(403);
    expect(audit('hotdesk.logout')).toEqual([]);
  });

  it('the administrator logs a device out: 200, check-sync, recorded as ended by the admin; 409 afterwards', async () => {
    const desk = await loggedIn('HD0001', '103', '614250');
    const before = await fetch(`${rig.server.origin}/api/v1/devices/HD0001`, { headers: ADMIN });
    expect(await before.json()).toMatchObject({ status: 'logged-in', extension: '103' });
    const checkSync = desk.nextCheckSync();
    const response = await fetch(`${rig.server.origin}/api/v1/devices/HD0001/logout`, { method: 'POST', headers: ADMIN });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'HD0001', extension: null, since: null });
    await checkSync;
    expect(logoutAudit('HD0001')).toEqual([['admin', '103', 'forced by the administrator (admin)']]);
    expect((await fetch(`${rig.server.origin}/api/v1/devices/HD0001/logout`, { method: 'POST', headers: ADMIN })).status).toBe(409);
    await desk.reprovision();
    const after = await fetch(`${rig.server.origin}/api/v1/devices/HD0001`, { headers: ADMIN });
    expect(await after.json()).toMatchObject({ status: 'idle', extension: null });
  });
});
