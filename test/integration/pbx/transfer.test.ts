import { expect, it, describe } from 'vitest';
import { DUMMY_OFFER, headerOf, isRequest, respondTo, type RawSipClient } from '../support/rawSipClient';
import { useTestPbxClients } from '../support/pbxClients';

// Call transfer through the embedded PBX, with raw SIP clients that share no code with it: the REFER (RFC 3515) and
// its NOTIFYs travel along the call's Record-Routed dialog, and an INVITE with Replaces (RFC 3891) reaches the phone
// that holds the replaced dialog, not every phone of the extension.

const { registered } = useTestPbxClients();

const aor = (user: string) => `sip:${user}@hotdesk.local`;
const contactOf = (client: RawSipClient) => `sip:raw@${client.host};transport=ws`;
const tagOf = (client: RawSipClient) => client.host.slice(0, 8);
const withCallId = (text: string, callId: string) => text.replace(/^Call-ID: .*$/m, `Call-ID: ${callId}`);

/** `caller` INVITEs `user`; `answerer` answers 200 (with To tag `callee`). */
async function call(caller: RawSipClient, from: string, user: string, answerer: RawSipClient, extra: string[] = [], callId = caller.callId) {
  const cseq = caller.nextCSeq();
  const invite = caller.request('INVITE', aor(user), { from: aor(from), cseq, headers: ['Content-Type: application/sdp', ...extra], body: DUMMY_OFFER });
  caller.send(withCallId(invite, callId));
  const received = await answerer.next(isRequest('INVITE'));
  respondTo(answerer, received, '200 OK');
  expect((await caller.response(cseq, 'INVITE')).status).toBe(200);
  return received;
}

/** Sends an in-dialog request from `sender` to `receiver` in the call with `callId`, and has it answered `status`. */
async function inDialog(sender: RawSipClient, receiver: RawSipClient, method: string, dialog: { callId: string; from: string; to: string; toTag: string }, headers: string[], body = '', status = '200 OK') {
  const cseq = sender.nextCSeq();
  sender.send(withCallId(sender.request(method, contactOf(receiver), { from: dialog.from, to: dialog.to, toTag: dialog.toTag, cseq, headers, body }), dialog.callId));
  const received = await receiver.next(isRequest(method));
  respondTo(receiver, received, status);
  expect((await sender.response(cseq, method)).status).toBe(Number(status.slice(0, 3)));
  return received;
}

const sipfrag = (status: string, state: string) => ({
  headers: ['Event: refer', `Subscription-State: ${state}`, 'Content-Type: message/sipfrag;version=2.0'],
  body: `SIP/2.0 ${status}`,
});

describe('call transfer through the PBX', () => {
  it('routes a REFER to the other party of the call, its NOTIFYs back, and the new INVITE to the transfer target', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const dan = await registered('103');
    await call(bob, '101', '102', carol);

    // Bob (transferor) asks Carol (transferee) to call Dan.
    const refer = await inDialog(bob, carol, 'REFER', { callId: bob.callId, from: aor('101'), to: aor('102'), toTag: 'callee' }, [`Refer-To: <${aor('103')}>`, `Referred-By: <${aor('101')}>`], '', '202 Accepted');
    expect(headerOf(refer, 'Refer-To')).toBe(`<${aor('103')}>`);
    expect(headerOf(refer, 'Referred-By')).toBe(`<${aor('101')}>`);

    // Carol's progress reports reach Bob along the same dialog (the To tag is Bob's).
    const fromCarol = { callId: bob.callId, from: aor('102'), to: aor('101'), toTag: tagOf(bob) };
    const trying = sipfrag('100 Trying', 'active;expires=60');
    const notified = await inDialog(carol, bob, 'NOTIFY', fromCarol, trying.headers, trying.body);
    expect(notified).toContain('SIP/2.0 100 Trying');
    expect(headerOf(notified, 'Event')).toBe('refer');

    const invite = await call(carol, '102', '103', dan, [`Referred-By: <${aor('101')}>`]);
    expect(headerOf(invite, 'Referred-By')).toBe(`<${aor('101')}>`);

    const done = sipfrag('200 OK', 'terminated;reason=noresource');
    expect(await inDialog(carol, bob, 'NOTIFY', fromCarol, done.headers, done.body)).toContain('SIP/2.0 200 OK');
  });

  it('sends an INVITE with Replaces only to the phone that holds the replaced call; an unknown dialog reaches every phone', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const danDesk = await registered('103');
    const danLaptop = await registered('103');

    // Bob calls Dan: both of Dan's phones ring, the laptop refuses and the desk phone answers.
    const cseq = bob.nextCSeq();
    bob.send(bob.request('INVITE', aor('103'), { from: aor('101'), cseq, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER }));
    respondTo(danLaptop, await danLaptop.next(isRequest('INVITE')), '486 Busy Here', [], 'laptop');
    respondTo(danDesk, await danDesk.next(isRequest('INVITE')), '200 OK');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(200);

    // Carol, told by Bob to replace that call (attended transfer), INVITEs Dan's address with Replaces.
    const replaces = `Replaces: ${bob.callId};to-tag=callee;from-tag=${tagOf(bob)}`;
    const invite = await call(carol, '102', '103', danDesk, [replaces]);
    expect(headerOf(invite, 'Replaces')).toBe(replaces.slice('Replaces: '.length));
    // The laptop's next request is a later MESSAGE, not that INVITE.
    const marker = carol.nextCSeq();
    carol.send(carol.request('MESSAGE', aor('103'), { from: aor('102'), cseq: marker, headers: ['Content-Type: text/plain'], body: 'marker' }));
    const first = await danLaptop.next((text) => isRequest('INVITE')(text) || isRequest('MESSAGE')(text));
    expect(first).toMatch(/^MESSAGE /);
    respondTo(danLaptop, first, '200 OK');
    respondTo(danDesk, await danDesk.next(isRequest('MESSAGE')), '200 OK');
    expect((await carol.response(marker, 'MESSAGE')).status).toBe(200);

    // A Replaces naming a dialog the PBX does not know is an ordinary INVITE: every phone gets it (and judges it).
    const stray = carol.nextCSeq();
    const strayInvite = carol.request('INVITE', aor('103'), { from: aor('102'), cseq: stray, headers: ['Content-Type: application/sdp', 'Replaces: nosuch@call;to-tag=a;from-tag=b'], body: DUMMY_OFFER });
    carol.send(withCallId(strayInvite, 'stray@test'));
    for (const phone of [danDesk, danLaptop]) respondTo(phone, await phone.next(isRequest('INVITE')), '481 Call/Transaction Does Not Exist', [], 'x');
    expect((await carol.response(stray, 'INVITE')).status).toBe(481);
  });
});
