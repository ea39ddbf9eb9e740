import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logoutUrlFor } from '../../../shared/sip/provisioningLogout';
import { ADMIN } from '../admin/support/apiServer';
import type { EventStreamClient } from '../admin/support/eventStreamClient';
import { useHotDeskPbx } from '../hotdesk/support/hotDeskRig';
import { RawSipClient } from '../support/rawSipClient';
import { dialEmergency, nextEvent, openEvents } from './support';

const rig = useHotDeskPbx();
let stream: EventStreamClient;

beforeAll(async () => {
  stream = await openEvents(rig.server);
});
afterAll(() => stream.close());

function callBack(id: string, authorization: string | null = ADMIN) {
  return fetch(`${rig.server.origin}/api/v1/emergency/${id}/callback`, { method: 'POST', headers: authorization ? { Authorization: authorization } : {} });
}

describe('the emergency operator calls the desk back (POST /api/v1/emergency/{id}/callback)', () => {
  it('rings the idle desk with Priority: emergency, from the operator; answered, the operator speaks and captions why it calls', async () => {
    const desk = await rig.desk('HD0001');
    const { data, call } = await dialEmergency(stream, desk, '911');
    expect(await call.hangUp()).toBe(200);
    const id = (data as { id: string }).id;

    expect((await callBack(id, null)).status).toBe(401);
    const response = await callBack(id);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ callId: id, device: 'HD0001', ringing: 'HD0001' });
    const incoming = await desk.nextIncoming();
    const again = await callBack(id);
    expect([again.status, ((await again.json()) as { error: { message: string } }).error.message]).toEqual([409, 'HD0001 is being called back already']);
    expect(incoming.invite.header('priority')).toBe('emergency');
    expect(incoming.invite.header('from')).toMatch(/^"Emergency operator \(demo\)" <sip:911@hotdesk\.local>;tag=/);
    expect(incoming.invite.header('to')).toBe('<sip:HD0001@hotdesk.local>');

    const outcome = nextEvent(stream, 'emergency-callback');
    const peer = await incoming.answer();
    expect((await outcome).data).toMatchObject({ type: 'emergency-callback', callId: id, device: 'HD0001', outcome: 'answered', status: null });
    expect(await incoming.nextCaption()).toBe('Emergency operator (demo): calling you back about the emergency call to 911 from HQ, Building 1, Floor 2, Desk 14.');
    await peer.audio(10); // the operator speaks (PCMU over DTLS-SRTP)
    expect(await incoming.hangUp()).toBe(200);
    const audit = rig.server.pbx.hotDesk.audit.list({ kinds: ['emergency.callback'] }).slice(-2);
    expect(audit.map((entry) => [entry.actor, entry.device, entry.mac, entry.detail])).toEqual([
      ['admin', 'HD0001', '02:00:00:00:00:01', `call ${id} to 911: ringing the desk as HD0001`],
      ['admin', 'HD0001', '02:00:00:00:00:01', `call ${id}: refused, the desk is being called back already`],
    ]);
  });

  it('rings the desk, not the user: another user logged in there now gets it, their other phone does not', async () => {
    const desk = await rig.desk('HD0001');
    const { data, call } = await dialEmergency(stream, desk, '112');
    expect(await call.hangUp()).toBe(200);
    await desk.logIn('101', '739104');
    const bobsOtherPhone = await RawSipClient.connect(rig.server.wsUrl);
    try {
      expect(await bobsOtherPhone.register('101', 'sip-101')).toBe(200);
      const invites: string[] = [];
      bobsOtherPhone.socket.on('message', (message) => String(message).startsWith('INVITE ') && invites.push(String(message)));
      const response = await callBack((data as { id: string }).id);
      expect(await response.json()).toMatchObject({ device: 'HD0001', ringing: '101' });
      const incoming = await desk.nextIncoming();
      expect(incoming.invite.header('to')).toBe('<sip:101@hotdesk.local>');
      await incoming.answer();
      expect(await incoming.nextCaption()).toContain('calling you back about the emergency call to 112');
      expect(await incoming.hangUp()).toBe(200);
      expect(invites).toEqual([]);
    } finally {
      bobsOtherPhone.close();
    }
  });

  it('answers 404 for an unknown id and 409 while the desk is offline, and audits the refusal', async () => {
    expect((await callBack('no-such-call')).status).toBe(404);
    expect((await callBack('../../devices')).status).toBe(404);
    const desk = await rig.desk('HD0001');
    const { data, call } = await dialEmergency(stream, desk, '999');
    expect(await call.hangUp()).toBe(200);
    await desk.close();
    const id = (data as { id: string }).id;
    const response = await callBack(id);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'conflict', message: 'HD0001 is offline: its phone is not registered' } });
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['emergency.callback'] }).at(-1)).toMatchObject({ device: 'HD0001', detail: `call ${id}: refused, the desk is offline: its phone is not registered` });
  });

  it("defers the desk's auto-logout while the callback window runs; the user's own Logout key still works", async () => {
    const desk = await rig.desk('HD0001');
    await desk.logIn('100', '482619');
    const { call } = await dialEmergency(stream, desk, '911');
    expect(await call.hangUp()).toBe(200);
    const logoutUrl = logoutUrlFor(desk.url) ?? '';
    const auto = await desk.provisioningRequest('POST', logoutUrl, { reason: 'auto' });
    expect(auto.status).toBe(409);
    expect(((await auto.json()) as { identity: unknown }).identity).toMatchObject({ kind: 'user', extension: '100' });
    expect(rig.server.pbx.logins.sessionOf('HD0001')?.extension).toBe('100');
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.auto-logout-deferred'] }).at(-1)).toMatchObject({ device: 'HD0001', extension: '100' });
    expect((await desk.provisioningRequest('POST', logoutUrl, { reason: 'user' })).status).toBe(200);
    expect(rig.server.pbx.logins.sessionOf('HD0001')).toBeNull();
  });
});
