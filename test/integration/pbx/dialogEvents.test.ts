import { describe, expect, it } from 'vitest';
import { createBrowserPeer } from '../support/browserPeer';
import { DialogWatcher } from '../support/dialogWatcher';
import { DUMMY_OFFER, RawSipClient, respondTo } from '../support/rawSipClient';
import { useTestPbxClients } from '../support/pbxClients';

const { pbx, connect, registered } = useTestPbxClients();

async function watcher(user = '100'): Promise<DialogWatcher> {
  return new DialogWatcher(await registered(user), user);
}

const isRequest = (method: string) => (text: string) => text.startsWith(`${method} `);

function invite(caller: RawSipClient, from: string, target: string, headers: string[] = []): number {
  const cseq = caller.nextCSeq();
  caller.send(
    caller.request('INVITE', `sip:${target}@hotdesk.local`, { from: `sip:${from}@hotdesk.local`, cseq, headers: ['Content-Type: application/sdp', ...headers], body: DUMMY_OFFER }),
  );
  return cseq;
}

/** Waits until the PBX holds `count` dialog subscriptions (it forgets them when a connection's close arrives). */
async function subscriptionsSettleAt(count: number): Promise<void> {
  while (pbx().pbx.sip.dialogEvents.size !== count) await new Promise((resolve) => setImmediate(resolve));
}

describe('dialog event package (RFC 4235)', () => {
  it('refuses a SUBSCRIBE without credentials (407 with a challenge)', async () => {
    const stranger = new DialogWatcher(await connect(), '100');
    const { response } = await stranger.subscribe('102');
    expect(response.status).toBe(407);
    expect(response.headers.get('proxy-authenticate')?.[0]).toMatch(/^Digest /);
    expect(pbx().pbx.sip.dialogEvents.size).toBe(0);
  });

  it('answers 200 and a full-state NOTIFY, version 0, idle for a registered extension', async () => {
    await registered('102');
    const alice = await watcher();
    const subscription = await alice.subscribe('102');
    expect(subscription.response.status).toBe(200);
    expect(subscription.response.headers.get('expires')).toEqual(['600']);
    const first = await alice.notification(subscription.callId);
    expect(first.subscriptionState).toMatch(/^active;expires=(600|599)$/);
    expect(first.info).toMatchObject({ version: 0, state: 'full', entity: 'sip:102@hotdesk.local', dialogs: [], offline: false });
    expect(first.state).toBe('idle');
  });

  it('reads an extension without a registered contact as offline, and idle once it registers', async () => {
    const alice = await watcher();
    const { callId } = await alice.subscribe('103');
    expect((await alice.notification(callId)).state).toBe('offline');
    const dan = await registered('103');
    expect((await alice.notification(callId)).state).toBe('idle');
    dan.close();
    expect((await alice.notification(callId)).state).toBe('offline');
  });

  it('follows a call: ringing on the INVITE, busy when answered, idle after BYE — versions counting up', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const alice = await watcher();
    const onCarol = await alice.subscribe('102');
    const onBob = await alice.subscribe('101');
    expect((await alice.notification(onCarol.callId)).state).toBe('idle');
    expect((await alice.notification(onBob.callId)).state).toBe('idle');

    const cseq = invite(bob, '101', '102');
    const incoming = await carol.next(isRequest('INVITE'));
    const ringing = await alice.until('ringing', onCarol.callId);
    expect(ringing.info.dialogs).toEqual([expect.objectContaining({ direction: 'recipient' })]);
    const calling = await alice.until('busy', onBob.callId);
    expect(calling.info.dialogs).toEqual([expect.objectContaining({ direction: 'initiator' })]);
    respondTo(carol, incoming, '180 Ringing');
    respondTo(carol, incoming, '200 OK');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(200);
    const answered = await alice.until('busy', onCarol.callId);
    expect(answered.info.dialogs).toEqual([expect.objectContaining({ state: 'confirmed' })]);

    const bye = bob.nextCSeq();
    bob.send(bob.request('BYE', `sip:raw@${carol.host};transport=ws`, { from: 'sip:101@hotdesk.local', to: 'sip:102@hotdesk.local', toTag: 'callee', cseq: bye, headers: ['Route: <sip:127.0.0.1;transport=ws;lr>'] }));
    respondTo(carol, await carol.next(isRequest('BYE')), '200 OK');
    const hungUp = await alice.until('idle', onCarol.callId);
    expect(hungUp.info.version).toBeGreaterThan(answered.info.version);
    expect((await alice.until('idle', onBob.callId)).info.dialogs).toEqual([]);
  });

  it("shares one state among an extension's watchers, each subscription counting its own versions", async () => {
    const bob = await registered('101');
    await registered('102');
    const early = await watcher('100');
    const earlySubscription = await early.subscribe('102');
    await early.until('idle', earlySubscription.callId);
    expect((await early.resubscribe(earlySubscription, 600)).status).toBe(200);
    expect((await early.notification(earlySubscription.callId)).info.version).toBe(1);
    const late = await watcher('103');
    const lateSubscription = await late.subscribe('102');
    expect((await late.notification(lateSubscription.callId)).info.version).toBe(0);

    invite(bob, '101', '102');
    const [seenEarly, seenLate] = await Promise.all([early.notification(earlySubscription.callId), late.notification(lateSubscription.callId)]);
    expect([seenEarly.info.version, seenLate.info.version]).toEqual([2, 1]);
    expect(seenEarly.state).toBe('ringing');
    expect({ ...seenLate.info, version: 2 }).toEqual(seenEarly.info);
  });

  it('goes back to idle when the call is refused (486) or the caller hangs up by closing', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const alice = await watcher();
    const { callId } = await alice.subscribe('102');
    await alice.until('idle', callId);
    invite(bob, '101', '102');
    respondTo(carol, await carol.next(isRequest('INVITE')), '486 Busy Here');
    await alice.until('ringing', callId);
    await alice.until('idle', callId);

    invite(bob, '101', '102');
    await carol.next(isRequest('INVITE'));
    await alice.until('ringing', callId);
    bob.close();
    await alice.until('idle', callId);
  });

  it('hands a ringing call to the picker on *20*<ext>: auto-answer branch, the lamps move, the callee stops ringing', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const dan = await registered('103');
    const alice = await watcher();
    const onCarol = await alice.subscribe('102');
    const onDan = await alice.subscribe('103');
    await alice.until('idle', onCarol.callId);
    await alice.until('idle', onDan.callId);
    const cseq = invite(bob, '101', '102');
    const toCarol = await carol.next(isRequest('INVITE'));
    respondTo(carol, toCarol, '180 Ringing');
    await alice.until('ringing', onCarol.callId);

    const pickupCseq = invite(dan, '103', '*20*102');
    const refused = await dan.response(pickupCseq, 'INVITE');
    expect([refused.status, refused.reason]).toEqual([480, 'Picking up the call']);
    const toDan = await dan.next((text) => isRequest('INVITE')(text) && text.includes('From: <sip:101@'));
    expect(toDan).toMatch(/^Call-Info: <sip:127\.0\.0\.1>;answer-after=0\r$/m);
    await alice.until('ringing', onDan.callId);
    respondTo(dan, toDan, '200 OK', [], 'picker');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(200);
    expect(await carol.next(isRequest('CANCEL'))).toBeTruthy();
    await alice.until('idle', onCarol.callId);
    expect((await alice.until('busy', onDan.callId)).info.dialogs).toEqual([expect.objectContaining({ state: 'confirmed', direction: 'recipient' })]);
  });

  it('shows an extension calling a bot (the echo test) busy until it hangs up; the bot is nobody to watch', async () => {
    const bob = await registered('101');
    const alice = await watcher();
    const onBob = await alice.subscribe('101');
    await alice.until('idle', onBob.callId);
    expect((await alice.subscribe('200')).response.status).toBe(405); // the bot takes calls only

    const peer = await createBrowserPeer();
    try {
      const cseq = bob.nextCSeq();
      bob.send(bob.request('INVITE', 'sip:200@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: peer.offer }));
      const answered = await bob.response(cseq, 'INVITE');
      expect(answered.status).toBe(200);
      const calling = await alice.until('busy', onBob.callId);
      expect(calling.info.dialogs).toEqual([expect.objectContaining({ direction: 'initiator' })]);
      const toTag = /^To: .*;tag=([^;\s]+)/m.exec(answered.text)?.[1] ?? '';
      const contact = /^Contact: <([^>]+)>/m.exec(answered.text)?.[1] ?? '';
      bob.send(bob.request('ACK', contact, { from: 'sip:101@hotdesk.local', to: 'sip:200@hotdesk.local', toTag, cseq }));
      const bye = bob.nextCSeq();
      bob.send(bob.request('BYE', contact, { from: 'sip:101@hotdesk.local', to: 'sip:200@hotdesk.local', toTag, cseq: bye }));
      expect((await bob.response(bye, 'BYE')).status).toBe(200);
      expect((await alice.until('idle', onBob.callId)).info.dialogs).toEqual([]);
    } finally {
      await peer.close();
    }
  });

  it("passes on no caller's own auto-answer Call-Info or Priority: emergency: only the PBX says a call is picked or the operator's", async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const claims = ['Call-Info: <sip:127.0.0.1>;answer-after=0', 'Call-Info: <sip:127.0.0.1>;Answer-After=0, <http://bob.example/photo.png>;purpose=icon', 'Priority: Emergency'];
    invite(bob, '101', '102', claims);
    const toCarol = await carol.next(isRequest('INVITE'));
    expect(toCarol).not.toMatch(/answer-after/i);
    expect(toCarol).not.toMatch(/^Priority:/im);
    respondTo(carol, toCarol, '486 Busy Here');
  });

  it('answers 480 to a pickup when nothing rings there', async () => {
    const dan = await registered('103');
    const cseq = invite(dan, '103', '*20*102');
    const response = await dan.response(cseq, 'INVITE');
    expect([response.status, response.reason]).toEqual([480, 'Nothing is ringing at 102']);
  });

  it('refreshes with the current state and ends with a terminated NOTIFY on unsubscribe', async () => {
    await registered('102');
    const alice = await watcher();
    const subscription = await alice.subscribe('102');
    await alice.notification(subscription.callId);
    const refreshed = await alice.resubscribe(subscription, 900);
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('expires')).toEqual(['900']);
    const refreshNotify = await alice.notification(subscription.callId);
    expect(refreshNotify.subscriptionState).toMatch(/^active;expires=(900|899)$/);
    expect(refreshNotify.info.version).toBe(1);

    expect((await alice.resubscribe(subscription, 0)).status).toBe(200);
    const final = await alice.notification(subscription.callId);
    expect(final.subscriptionState).toBe('terminated');
    expect(final.state).toBe('idle');
    await subscriptionsSettleAt(0);
    expect((await alice.resubscribe(subscription, 600)).status).toBe(481);
  });

  it('answers 423 to a too-short Expires, 404 for a non-extension, 406 for another Accept', async () => {
    const alice = await watcher();
    const short = await alice.subscribe('102', { expires: 10 });
    expect(short.response.status).toBe(423);
    expect(short.response.headers.get('min-expires')).toEqual(['60']);
    expect((await alice.subscribe('HD0001')).response.status).toBe(404);
    expect((await alice.subscribe('102', { headers: ['Accept: application/pidf+xml'] })).response.status).toBe(406);
  });

  it('caps the subscriptions of one connection (503) and drops them all when it closes', async () => {
    const alice = await watcher();
    const statuses: number[] = [];
    for (let index = 0; index < 129; index++) statuses.push((await alice.subscribe('102')).response.status);
    expect(statuses.slice(0, 128).every((status) => status === 200)).toBe(true);
    expect(statuses[128]).toBe(503);
    expect(pbx().pbx.sip.dialogEvents.size).toBe(128);
    alice.client.close();
    await subscriptionsSettleAt(0);
  });

  it('leaks nothing after 1,000 subscribe/close cycles', { timeout: 120_000 }, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    for (let cycle = 0; cycle < 1000; cycle++) {
      const client = await RawSipClient.connect(pbx().wsUrl);
      expect(await client.register('100', 'sip-100')).toBe(200);
      const alice = new DialogWatcher(client, '100');
      const { callId, response } = await alice.subscribe('102');
      expect(response.status).toBe(200);
      await alice.notification(callId);
      client.close();
    }
    await subscriptionsSettleAt(0);
    while (pbx().pbx.sip.bindingsOf('100').length > 0) await new Promise((resolve) => setImmediate(resolve));
    expect(pbx().pbx.sip.dialogEvents.size).toBe(0);
    // Not a pass/fail figure (GC timing varies): printed so a leak shows in the log as well as in the counts above.
    console.info(`heap after 1,000 cycles: ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB more`);
  });
});
