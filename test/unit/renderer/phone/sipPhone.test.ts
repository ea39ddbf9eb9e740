import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneAccount } from '../../../../shared/contracts';
import { NO_SERVICE_CALL } from '../../../../renderer/src/phone/callEnd';
import { DECLINE } from '../../../../renderer/src/phone/callSession';
import { NOT_REGISTERABLE, ONE_CALL_AT_A_TIME } from '../../../../renderer/src/phone/sipPhone';
import { RING, RINGBACK } from '../../../../renderer/src/phone/tones';
import { flush } from '../fakes';
import { BOB, FakeSession, FakeUa, HD0001, registered, setup } from './sipFakes';

beforeEach(() => {
  FakeUa.created = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SIP phone: registration', () => {
  it('registers as the account from the bridge, with HA1 + realm and the account socket', async () => {
    const { phone, listener } = setup();
    expect(listener.registration).toBe('unregistered');
    phone.refreshAccount();
    await flush();
    const ua = FakeUa.latest();
    expect(ua.started).toBe(true);
    expect(ua.configuration).toMatchObject({ uri: BOB.uri, authorization_user: '101', ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.local' });
    expect(ua.configuration.password).toBeUndefined();
    expect((ua.configuration.sockets as unknown as Array<{ url: string }>)[0]?.url).toBe(BOB.webSocketUrl);
    expect(listener.registration).toBe('registering');
    ua.comeOnline();
    expect(listener.registration).toBe('registered');
  });

  it('has no user agent when there is nothing to register (not provisioned)', async () => {
    const { phone, listener } = setup(null);
    phone.refreshAccount();
    await flush();
    expect(FakeUa.created).toHaveLength(0);
    expect(listener.registration).toBe('unregistered');
    await expect(phone.dial({ kind: 'emergency', dialString: '911' })).rejects.toThrow(NOT_REGISTERABLE);
  });

  it('shows No service and retries reading the account with backoff when the host does not answer', async () => {
    vi.useFakeTimers();
    const { phone, listener, invoke, setAccount } = setup(new Error('Not connected to the device host'));
    phone.refreshAccount();
    await flush();
    expect(listener.registration).toBe('no-service');
    setAccount(BOB);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(invoke).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(FakeUa.created).toHaveLength(1);
    expect(listener.registration).toBe('registering');
  });

  it('a refused REGISTER shows No service, then registers again after 2 s, 4 s, 8 s…', async () => {
    vi.useFakeTimers();
    const { ua, listener, invoke } = await registered();
    ua.emit('registrationFailed', { cause: 'Authentication Error' });
    expect(listener.registration).toBe('no-service');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ua.registers).toBe(1);
    // It re-read the account too, in case the identity changed meanwhile.
    expect(invoke).toHaveBeenCalledTimes(2);
    ua.emit('registrationFailed', { cause: 'Authentication Error' });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(ua.registers).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ua.registers).toBe(2);
    ua.emit('registered', {});
    expect(listener.registration).toBe('registered');
    expect(FakeUa.created).toHaveLength(1);
  });

  it('a dropped socket is No service until JsSIP reconnects; the host coming back reconnects at once', async () => {
    const { ua, phone, listener } = await registered();
    ua.connected = false;
    ua.emit('disconnected', {});
    ua.emit('unregistered', {});
    expect(listener.registration).toBe('no-service');
    phone.refreshAccount();
    await flush();
    expect(ua.stopped).toBe(true);
    const fresh = FakeUa.latest();
    expect(fresh).not.toBe(ua);
    fresh.comeOnline();
    expect(listener.registration).toBe('registered');
  });

  it('keeps the user agent when the account is unchanged, and re-registers as a new identity when it changes', async () => {
    const { ua, phone, listener, setAccount } = await registered(HD0001);
    phone.refreshAccount();
    await flush();
    expect(FakeUa.created).toHaveLength(1);
    setAccount(BOB);
    phone.refreshAccount();
    await flush();
    expect(ua.stopped).toBe(true);
    expect(FakeUa.latest().configuration.uri).toBe(BOB.uri);
    // Events of the old UA no longer move the lamp.
    ua.emit('disconnected', {});
    expect(listener.registration).toBe('registering');
    setAccount(null);
    phone.refreshAccount();
    await flush();
    expect(FakeUa.latest().stopped).toBe(true);
    expect(listener.registration).toBe('unregistered');
  });

  it('waits for the call to end before switching identity', async () => {
    const { ua, phone, setAccount } = await registered(HD0001);
    const call = ua.ring('0', 'Reception');
    setAccount(BOB);
    phone.refreshAccount();
    await flush();
    expect(FakeUa.created).toHaveLength(1);
    call.emit('ended', { originator: 'remote', cause: 'Terminated', message: null });
    expect(ua.stopped).toBe(true);
    expect(FakeUa.latest().configuration.uri).toBe(BOB.uri);
  });

  it('stopping the phone stops the user agent', async () => {
    const { ua, stop } = await registered();
    stop();
    expect(ua.stopped).toBe(true);
  });
});

describe('SIP phone: calls', () => {
  it('dials <digits>@domain with audio only, using the chosen microphone', async () => {
    const { ua, phone, listener } = await registered();
    phone.setAudioDevices({ inputDeviceId: 'mic-2', outputDeviceId: null });
    await phone.dial({ kind: 'number', dialString: '200' });
    expect(ua.calls[0]?.target).toBe('sip:200@hotdesk.local');
    expect(ua.calls[0]?.options.mediaConstraints).toEqual({ audio: { deviceId: { ideal: 'mic-2' } }, video: false });
    expect(listener.call).toMatchObject({ direction: 'outgoing', phase: 'calling', number: '200' });
  });

  it('refuses to dial without service, or during a call', async () => {
    const { ua, phone } = await registered();
    ua.connected = false;
    await expect(phone.dial({ kind: 'number', dialString: '200' })).rejects.toThrow(NO_SERVICE_CALL);
    ua.connected = true;
    await phone.dial({ kind: 'number', dialString: '200' });
    await expect(phone.dial({ kind: 'number', dialString: '201' })).rejects.toThrow(ONE_CALL_AT_A_TIME);
  });

  it('an outgoing call: ringback while it rings, the timer from the answer, the reason when refused', async () => {
    const { ua, phone, listener, tones, advance } = await registered();
    const session = (ua.nextOutgoing = new FakeSession({ uri: { user: '102' }, display_name: '' }));
    await phone.dial({ kind: 'number', dialString: '102' });
    session.emit('progress', { originator: 'remote', response: { status_code: 180, body: '', getHeader: () => undefined } });
    expect(listener.call?.phase).toBe('ringing');
    expect(tones.playing).toBe(RINGBACK);
    advance(500);
    session.emit('accepted', { originator: 'remote', response: { status_code: 200, getHeader: () => undefined } });
    expect(tones.playing).toBeNull();
    expect(listener.call).toMatchObject({ phase: 'active', answeredAt: 1_500 });
    session.emit('ended', { originator: 'remote', cause: 'Terminated', message: { method: 'BYE' } });
    expect(listener.call).toBeNull();
    expect(listener.ends.at(-1)).toEqual({ text: 'Call ended', tone: 'info', fleeting: true });

    const refused = (ua.nextOutgoing = new FakeSession({ uri: { user: '102' }, display_name: '' }));
    await phone.dial({ kind: 'number', dialString: '102' });
    refused.emit('failed', { originator: 'remote', cause: 'Busy', message: { status_code: 486, reason_phrase: 'Busy Here' } });
    expect(listener.ends.at(-1)).toEqual({ text: 'Busy', tone: 'warning' });
  });

  it('an incoming call rings, shows the caller, and is answered or declined', async () => {
    const { ua, phone, listener, tones } = await registered();
    const session = ua.ring('102', 'Carol Chen');
    expect(listener.call).toMatchObject({ direction: 'incoming', phase: 'incoming', number: '102', name: 'Carol Chen' });
    expect(tones.playing).toBe(RING);
    await phone.answer();
    expect(session.answered).toHaveLength(1);
    expect(tones.playing).toBeNull();
    expect(listener.call?.phase).toBe('answering');
    session.emit('accepted', { originator: 'local' });
    expect(listener.call?.phase).toBe('active');

    await phone.setHold(true);
    expect(session.held).toBe(true);
    session.emit('hold', { originator: 'local' });
    expect(listener.call?.held).toBe(true);
    phone.setMute(true);
    expect(session.muted).toBe(true);
    phone.sendDtmf('5');
    expect(session.dtmf).toEqual([{ tone: '5', transportType: 'INFO' }]);
    phone.sendDtmf('+');
    expect(session.dtmf).toHaveLength(1);

    session.emit('ended', { originator: 'local', cause: 'Terminated' });
    expect(listener.call).toBeNull();
    expect(listener.ends.at(-1)).toBeNull();

    const next = ua.ring('103', 'Dan Diaz');
    await phone.decline();
    expect(next.terminated).toEqual([DECLINE]);
  });

  it('a second caller gets 486 Busy Here while a call is up (no call waiting)', async () => {
    const { ua, listener } = await registered();
    const first = ua.ring('102');
    const second = ua.ring('103');
    expect(second.terminated).toEqual([{ status_code: 486, reason_phrase: 'Busy Here' }]);
    expect(first.terminated).toEqual([]);
    expect(listener.call?.number).toBe('102');
  });

  it('a caller giving up leaves a missed call; the ring stops', async () => {
    const { ua, listener, tones } = await registered();
    const session = ua.ring('101', 'Bob Brown');
    session.emit('failed', { originator: 'remote', cause: 'Canceled', message: { method: 'CANCEL' } });
    expect(tones.playing).toBeNull();
    expect(listener.call).toBeNull();
    expect(listener.ends.at(-1)).toEqual({ text: 'Missed call from 101 Bob Brown', tone: 'info', missed: true });
  });

  it('routes the call audio and the ringer to the chosen speaker', async () => {
    const { phone, tones, remoteAudio } = await registered();
    phone.setAudioDevices({ inputDeviceId: null, outputDeviceId: 'speaker-1' });
    expect(tones.output).toBe('speaker-1');
    expect(remoteAudio.output).toBe('speaker-1');
  });

  it('passes the ringer device and the ring volume to the tones, and the call volume to the call audio', async () => {
    const { phone, tones, remoteAudio } = await registered();
    phone.setSound({ ringerDeviceId: 'ringer-1', ringVolume: 40, callVolume: 70 });
    expect(tones.sound).toEqual({ ringerDeviceId: 'ringer-1', ringVolume: 40, callVolume: 70 });
    expect(remoteAudio.volume).toBeCloseTo(0.7);
  });
});

describe('SIP phone: hot-desk code calls', () => {
  const ALICE: PhoneAccount = { ...BOB, uri: 'sip:100@hotdesk.local', authUser: '100', displayName: 'Alice Andrews' };
  const info = (body: string, headers: Record<string, string>) => ({
    originator: 'remote',
    info: { contentType: headers['Content-Type'], body },
    request: { getHeader: (name: string) => headers[name] },
  });
  const CAPTION = { 'Info-Package': 'hotdesk-caption', 'Content-Type': 'text/plain;charset=utf-8' };

  async function inLoginIvr() {
    const context = await registered(HD0001);
    const session = (context.ua.nextOutgoing = new FakeSession({ uri: { user: '*77*100*' }, display_name: '' }));
    await context.phone.dial({ kind: 'hotdesk-login', dialString: '*77*100*', extension: '100' });
    session.emit('accepted', { originator: 'remote', response: { status_code: 200, getHeader: () => undefined } });
    return { ...context, session };
  }

  it("shows the IVR's captions, and nothing of any other INFO", async () => {
    const { session, listener } = await inLoginIvr();
    expect(listener.call).toMatchObject({ hotDesk: true, caption: null });
    session.emit('newInfo', info('Enter your PIN, then press #', CAPTION));
    expect(listener.call?.caption).toBe('Enter your PIN, then press #');
    session.emit('newInfo', info('ignored', { 'Content-Type': 'text/plain' }));
    session.emit('newInfo', info('ignored', { 'Info-Package': 'hotdesk-caption', 'Content-Type': 'application/json' }));
    session.emit('newInfo', { ...info('ignored', CAPTION), originator: 'local' });
    expect(listener.call?.caption).toBe('Enter your PIN, then press #');
    session.emit('newInfo', info('Wrong PIN\r\n— try\u202eagain', CAPTION));
    expect(listener.call?.caption).toBe('Wrong PIN — try again');
  });

  it('counts PIN digits for the dots, starting over at # and at a new prompt, and sends each as DTMF', async () => {
    const { phone, session, listener } = await inLoginIvr();
    for (const digit of '4826') phone.sendDtmf(digit);
    expect(listener.call?.keyed).toBe(4);
    expect(session.dtmf.map((sent) => sent.tone).join('')).toBe('4826');
    phone.sendDtmf('#');
    expect(listener.call?.keyed).toBe(0);
    phone.sendDtmf('1');
    session.emit('newInfo', info('Wrong PIN — try again', CAPTION));
    expect(listener.call?.keyed).toBe(0);
    expect(JSON.stringify(listener.calls)).not.toContain('4826');
  });

  it('hangs the IVR call up as soon as the identity changes, and registers as the user at once', async () => {
    const { ua, phone, session, setAccount, listener } = await inLoginIvr();
    setAccount(ALICE);
    phone.refreshAccount();
    await flush();
    expect(session.terminated).toEqual([{}]);
    session.emit('ended', { originator: 'local', cause: 'Terminated', message: null });
    expect(listener.call).toBeNull();
    expect(listener.ends.at(-1)).toBeNull();
    expect(ua.stopped).toBe(true);
    expect(FakeUa.latest().configuration.uri).toBe(ALICE.uri);
  });

  it('an unchanged account leaves the IVR call alone', async () => {
    const { phone, session } = await inLoginIvr();
    phone.refreshAccount();
    await flush();
    expect(session.terminated).toEqual([]);
  });

  it("the IVR's last words are what the display says when it hangs up", async () => {
    const { session, listener } = await inLoginIvr();
    session.emit('newInfo', info('Too many wrong PINs — goodbye', CAPTION));
    session.emit('ended', { originator: 'remote', cause: 'Terminated', message: { method: 'BYE' } });
    expect(listener.ends.at(-1)).toEqual({ text: 'Too many wrong PINs — goodbye', tone: 'info', fleeting: true });
  });
});
