import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DO_NOT_DISTURB_REASON } from '../../../../renderer/src/phone/doNotDisturb';
import { SipPhone } from '../../../../renderer/src/phone/sipPhone';
import { REGISTRATION_REFUSED } from '../../../../renderer/src/phone/sipStatusText';
import { flush } from '../fakes';
import { BOB, FakeRemoteAudio, FakeSession, FakeTones, FakeUa, RecordingListener, createFakeUa } from './sipFakes';

async function registered() {
  const phone = new SipPhone({
    bridge: { invoke: vi.fn(async () => BOB) as never },
    createUa: createFakeUa,
    tones: new FakeTones(),
    remoteAudio: new FakeRemoteAudio(),
    random: () => 0.5,
    log: () => undefined,
  });
  const listener = new RecordingListener();
  phone.start(listener);
  phone.refreshAccount();
  await flush();
  const ua = FakeUa.latest();
  ua.comeOnline();
  return { phone, listener, ua };
}

beforeEach(() => {
  FakeUa.created = [];
});

describe('Do not disturb on the SIP phone', () => {
  it('answers a caller 486 Do Not Disturb and reports the call as missed, without ringing', async () => {
    const { phone, listener, ua } = await registered();
    phone.setDoNotDisturb(true);
    const session = ua.ring('101', 'Bob Brown');
    expect(session.terminated).toEqual([{ status_code: 486, reason_phrase: DO_NOT_DISTURB_REASON }]);
    expect(listener.calls).toEqual([]);
    expect(listener.missedBusy).toEqual([expect.objectContaining({ id: session.id, direction: 'incoming', number: '101', name: 'Bob Brown' })]);
  });

  it('lets the emergency operator call back (Priority: emergency, RFC 3261 §20.26)', async () => {
    const { phone, listener, ua } = await registered();
    phone.setDoNotDisturb(true);
    const callback = ua.ring('911', 'Emergency operator', { Priority: ' Emergency ' });
    expect(callback.terminated).toEqual([]);
    expect(listener.call).toMatchObject({ direction: 'incoming', number: '911' });
    expect(listener.missedBusy).toEqual([]);
  });

  it('takes the call this phone just asked to pick up (directed pickup, Call-Info answer-after=0)', async () => {
    const { phone, listener, ua } = await registered();
    phone.setDoNotDisturb(true);
    const pickup = (ua.nextOutgoing = new FakeSession({ uri: { user: '*20*102' }, display_name: '' }));
    await phone.dial({ kind: 'pickup', dialString: '*20*102', extension: '102' });
    // The PBX answers the pickup INVITE 480 and offers the ringing call itself, marked for auto-answer.
    pickup.emit('failed', { originator: 'remote', cause: 'Unavailable', message: { status_code: 480, reason_phrase: 'Picking up the call' } });
    const picked = ua.ring('101', 'Bob Brown', { 'Call-Info': '<sip:hotdesk.local>;answer-after=0' });
    expect(picked.terminated).toEqual([]);
    expect(picked.answered).toHaveLength(1);
    expect(listener.missedBusy).toEqual([]);
  });

  it('does not refuse an INVITE with Replaces (RFC 3891: an attended transfer taking over a call)', async () => {
    const { phone, listener, ua } = await registered();
    phone.setDoNotDisturb(true);
    const replacing = ua.ring('104', 'Erin Evans', { Replaces: 'abc@pbx;to-tag=1;from-tag=2' });
    expect(replacing.terminated).toEqual([]);
    expect(listener.missedBusy).toEqual([]);
  });

  it('rings again once it is turned off', async () => {
    const { phone, listener, ua } = await registered();
    phone.setDoNotDisturb(true);
    phone.setDoNotDisturb(false);
    const session = ua.ring('101');
    expect(session.terminated).toEqual([]);
    expect(listener.call?.phase).toBe('incoming');
  });
});

describe('a registration refused for its credentials', () => {
  it.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [407, 'Proxy Authentication Required'],
  ])('%i is "Registration failed", with the status — not No service', async (status, phrase) => {
    const { listener, ua } = await registered();
    ua.emit('registrationFailed', { cause: 'Authentication Error', response: { status_code: status, reason_phrase: phrase } });
    expect(listener.registration).toBe('refused');
    expect(listener.problems.at(-1)).toBe(`${REGISTRATION_REFUSED} (${status} ${phrase})`);
  });

  it('a registrar that is down or answers 503 is still No service', async () => {
    const { listener, ua } = await registered();
    ua.emit('registrationFailed', { cause: 'Unavailable', response: { status_code: 503, reason_phrase: 'Service Unavailable' } });
    expect(listener.registration).toBe('no-service');
    expect(listener.problems.at(-1)).toBeNull();
  });

  it('clears the problem once registered', async () => {
    const { listener, ua } = await registered();
    ua.emit('registrationFailed', { cause: 'Rejected', response: { status_code: 403, reason_phrase: 'Forbidden' } });
    ua.emit('registered', {});
    expect(listener.registration).toBe('registered');
    expect(listener.problems.at(-1)).toBeNull();
  });
});
