import { beforeEach, describe, expect, it } from 'vitest';
import { DECLINE } from '../../../../renderer/src/phone/callSession';
import { CALL_WAITING, RING } from '../../../../renderer/src/phone/tones';
import { FakeSession, FakeUa, registered } from './sipFakes';

// The SIP phone with several calls, on a fake JsSIP: call waiting, hold and swap, and both kinds of transfer.

beforeEach(() => {
  FakeUa.created = [];
});

const accept = (session: FakeSession) => session.emit('accepted', { originator: 'local' });
const held = (session: FakeSession, on = true) => session.emit(on ? 'hold' : 'unhold', { originator: 'local' });

/** Bob's phone in an established call with 102, answered here. */
async function inCall() {
  const context = await registered();
  const first = context.ua.ring('102', 'Carol Chen');
  await context.phone.answer();
  accept(first);
  return { ...context, first };
}

/** What a REFER from the other party looks like to JsSIP's `refer` listener; `accept` places the call as JsSIP does. */
function referFrom(ua: FakeUa, target: { scheme: string; user: string; host: string }) {
  const placed: FakeSession[] = [];
  const rejected: boolean[] = [];
  const event = {
    request: { refer_to: { uri: target } },
    accept: (init: (session: FakeSession) => void, options: unknown) => {
      const session = new FakeSession({ uri: { user: target.user }, display_name: '' });
      init(session);
      ua.emit('newRTCSession', { originator: 'local', session, request: {}, options });
      placed.push(session);
    },
    reject: () => rejected.push(true),
  };
  return { event, placed, rejected };
}

describe('call waiting', () => {
  it('a second caller rings softly beside the call; Answer holds the first; Swap goes back', async () => {
    const { ua, phone, listener, tones, first } = await inCall();
    const second = ua.ring('103', 'Dan Diaz');
    expect(tones.playing).toBe(CALL_WAITING);
    expect(listener.call?.id).toBe(first.id);
    expect(listener.all.map((call) => call.phase)).toEqual(['active', 'incoming']);

    await phone.answer();
    expect(first.held).toBe(true);
    expect(second.answered).toHaveLength(1);
    held(first);
    accept(second);
    expect(listener.call?.id).toBe(second.id);

    await phone.swapTo(first.id);
    expect(second.held).toBe(true);
    expect(first.held).toBe(false);
    held(second);
    held(first, false);
    expect(listener.call?.id).toBe(first.id);
  });

  it('Decline sends the waiting caller busy and leaves the call alone; its end shows no notice over the call', async () => {
    const { ua, phone, listener, first } = await inCall();
    const second = ua.ring('103', 'Dan Diaz');
    await phone.decline();
    expect(second.terminated).toEqual([DECLINE]);
    expect(first.terminated).toEqual([]);
    second.emit('failed', { originator: 'local', cause: 'Rejected' });
    expect(listener.all.map((call) => call.id)).toEqual([first.id]);
    expect(listener.ended.at(-1)?.id).toBe(second.id);
  });

  it('the call ending while a caller waits: the waiting call rings fully', async () => {
    const { ua, tones, first, listener } = await inCall();
    const second = ua.ring('103');
    first.emit('ended', { originator: 'remote', cause: 'Terminated' });
    expect(tones.playing).toBe(RING);
    expect(listener.call?.id).toBe(second.id);
  });

  it('with call waiting off, a second caller hears busy and is reported missed', async () => {
    const { ua, phone, listener } = await inCall();
    phone.setCallWaiting(false);
    const second = ua.ring('103', 'Dan Diaz');
    expect(second.terminated).toEqual([{ status_code: 486, reason_phrase: 'Busy Here' }]);
    expect(listener.missedBusy).toEqual([expect.objectContaining({ direction: 'incoming', number: '103', name: 'Dan Diaz' })]);
    expect(listener.all).toHaveLength(1);
  });

  it('a third caller hears busy even with call waiting on', async () => {
    const { ua, phone, listener } = await inCall();
    ua.ring('103');
    await phone.answer();
    const third = ua.ring('104');
    expect(third.terminated).toEqual([{ status_code: 486, reason_phrase: 'Busy Here' }]);
    expect(listener.missedBusy.map((call) => call.number)).toEqual(['104']);
  });
});

describe('the audio of several calls', () => {
  /** The session's peer connection delivers the far end's audio track; returns its stream. */
  function farEndAudio(session: FakeSession): MediaStream {
    const listeners: Array<(event: unknown) => void> = [];
    session.emit('peerconnection', { peerconnection: { addEventListener: (_type: string, listener: (event: unknown) => void) => listeners.push(listener) } });
    const stream = { id: `stream-of-${session.id}` } as unknown as MediaStream;
    for (const listener of listeners) listener({ track: { kind: 'audio' }, streams: [stream] });
    return stream;
  }

  it('plays the focused call only, following Answer and Swap; a held call ending leaves the audio alone', async () => {
    const { ua, phone, remoteAudio, first } = await inCall();
    const firstAudio = farEndAudio(first);
    expect(remoteAudio.attached.at(-1)).toBe(firstAudio);
    const second = ua.ring('103');
    await phone.answer();
    held(first);
    const secondAudio = farEndAudio(second);
    accept(second);
    expect(remoteAudio.attached.at(-1)).toBe(secondAudio);
    await phone.swapTo(first.id);
    held(second);
    held(first, false);
    expect(remoteAudio.attached.at(-1)).toBe(firstAudio);
    const detaches = remoteAudio.detaches;
    second.emit('ended', { originator: 'remote', cause: 'Terminated' });
    expect(remoteAudio.attached.at(-1)).toBe(firstAudio);
    expect(remoteAudio.detaches).toBe(detaches);
  });
});

describe('transfer as the transferor', () => {
  it('blind: REFERs the call, shows the NOTIFY progress, hangs up once the target answered', async () => {
    const { phone, listener, first } = await inCall();
    await phone.transfer({ kind: 'number', dialString: '103' });
    expect(first.refers[0]?.target).toBe('sip:103@hotdesk.local');
    expect(listener.call?.transfer).toEqual({ text: 'Transferring to 103…', pending: true });
    first.notifyRefer('progress', 180, 'Ringing');
    expect(listener.call?.transfer?.text).toBe('Transferring to 103 — Ringing');
    first.notifyRefer('accepted', 200, 'OK');
    expect(first.terminated).toEqual([{}]);
    first.emit('ended', { originator: 'local', cause: 'Terminated' });
    expect(listener.ends.at(-1)).toEqual({ text: 'Transferred to 103', tone: 'info', fleeting: true });
  });

  it('blind, refused by the target: the call stays and may be transferred again', async () => {
    const { phone, listener, first } = await inCall();
    await phone.transfer({ kind: 'number', dialString: '103' });
    first.notifyRefer('failed', 486, 'Busy Here');
    expect(listener.call?.transfer).toEqual({ text: 'Transfer failed — Busy', pending: false });
    expect(first.terminated).toEqual([]);
    await phone.transfer({ kind: 'number', dialString: '104' });
    expect(first.refers).toHaveLength(2);
  });

  it('attended: holds the call, calls the target, Complete transfer REFERs with Replaces; Cancel resumes', async () => {
    const { ua, phone, listener, first } = await inCall();
    const consult = (ua.nextOutgoing = new FakeSession({ uri: { user: '103', toString: () => 'sip:103@hotdesk.local' }, display_name: '' }));
    await phone.consult({ kind: 'number', dialString: '103' });
    expect(first.held).toBe(true);
    held(first);
    expect(listener.call).toMatchObject({ number: '103', consultOf: first.id });

    await phone.cancelTransfer();
    expect(consult.terminated).toEqual([{}]);
    consult.emit('failed', { originator: 'local', cause: 'Canceled' });
    expect(first.held).toBe(false);

    held(first, false);
    const again = (ua.nextOutgoing = new FakeSession({ uri: { user: '103', toString: () => 'sip:103@hotdesk.local' }, display_name: '' }));
    await phone.consult({ kind: 'number', dialString: '103' });
    held(first);
    again.emit('accepted', { originator: 'remote', response: { getHeader: () => undefined } });
    await phone.completeTransfer();
    expect(first.refers[0]).toMatchObject({ target: 'sip:103@hotdesk.local', options: { replaces: again } });
    first.notifyRefer('accepted', 200, 'OK');
    expect(first.terminated).toEqual([{}]);
    // The target hangs up the replaced call itself; both ends say where the call went.
    first.emit('ended', { originator: 'local', cause: 'Terminated' });
    again.emit('ended', { originator: 'remote', cause: 'Terminated' });
    expect(listener.ends.slice(-2)).toEqual([
      { text: 'Transferred to 103', tone: 'info', fleeting: true },
      { text: 'Transferred to 103', tone: 'info', fleeting: true },
    ]);
  });
});

describe('transfer as the transferee and the target', () => {
  it('follows a REFER to its own domain: holds the call, places the new one, resumes if it fails', async () => {
    const { ua, listener, first } = await inCall();
    const { event, placed } = referFrom(ua, { scheme: 'sip', user: '103', host: 'hotdesk.local' });
    first.emit('refer', event);
    expect(first.held).toBe(true);
    held(first);
    expect(placed).toHaveLength(1);
    expect(listener.call).toMatchObject({ direction: 'outgoing', number: '103' });
    placed[0]?.emit('failed', { originator: 'remote', cause: 'Busy', message: { status_code: 486, reason_phrase: 'Busy Here' } });
    expect(first.held).toBe(false);
  });

  it('refuses a REFER elsewhere', async () => {
    const { ua, first } = await inCall();
    const { event, placed, rejected } = referFrom(ua, { scheme: 'sip', user: '0900', host: 'premium.example' });
    first.emit('refer', event);
    expect(rejected).toEqual([true]);
    expect(placed).toEqual([]);
    expect(first.held).toBe(false);
  });

  it('an INVITE with Replaces for an established call is answered at once, without ringing', async () => {
    const { ua, listener, tones, first } = await inCall();
    const replacing = new FakeSession({ uri: { user: '101' }, display_name: 'Bob Brown' });
    const playedBefore = tones.played.length;
    first.emit('replaces', {
      request: {},
      accept: () => ua.emit('newRTCSession', { originator: 'remote', session: replacing, request: {} }),
      reject: () => undefined,
    });
    expect(replacing.answered).toHaveLength(1);
    expect(tones.played.slice(playedBefore)).toEqual([]);
    expect(listener.all.map((call) => call.number)).toEqual(['102', '101']);
  });
});

describe('an emergency call during a call', () => {
  it('holds the call and dials the emergency number beside it; any other number is still refused', async () => {
    const { ua, phone, listener, first } = await inCall();
    await expect(phone.dial({ kind: 'number', dialString: '104' })).rejects.toThrow(/one call at a time/);
    expect(first.held).toBe(false);

    const emergency = (ua.nextOutgoing = new FakeSession({ uri: { user: '911', toString: () => 'sip:911@hotdesk.local' }, display_name: '' }));
    await phone.dial({ kind: 'emergency', dialString: '911' });
    expect(first.held).toBe(true);
    held(first);
    expect(listener.call).toMatchObject({ id: emergency.id, direction: 'outgoing', number: '911', consultOf: null });
    expect(listener.all.map((call) => [call.number, call.held])).toEqual([
      ['102', true],
      ['911', false],
    ]);
  });
});
