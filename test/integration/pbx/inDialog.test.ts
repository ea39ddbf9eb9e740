import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_OFFER, isRequest, RawSipClient, respondTo } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

// A request with a To tag claims to belong to a dialog. The proxy forwards it only along a dialog it Record-Routed,
// between that dialog's connections, or from a sender authenticated as its From user — never because it names a
// registered contact.

let server: TestPbx;
const clients: RawSipClient[] = [];

beforeAll(async () => {
  server = await startTestPbx();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  // The PBX forgets a closed connection's dialogs when it sees the close: wait for that, so tests start clean.
  while (server.pbx.sip.proxiedDialogCount > 0) await new Promise((resolve) => setTimeout(resolve, 10));
});
afterAll(async () => {
  await server.stop();
});

async function connect(): Promise<RawSipClient> {
  const client = await RawSipClient.connect(server.wsUrl);
  clients.push(client);
  return client;
}

async function registered(user: string): Promise<RawSipClient> {
  const client = await connect();
  expect(await client.register(user, `sip-${user}`)).toBe(200);
  return client;
}

const contactOf = (client: RawSipClient) => `sip:raw@${client.host};transport=ws`;

/** A BYE as an attacker would forge it: the victim's contact, a To tag, a Call-ID of its choosing. */
function forgedBye(attacker: RawSipClient, victim: RawSipClient, callId: string, from = 'sip:101@hotdesk.local') {
  const cseq = attacker.nextCSeq();
  const text = attacker
    .request('BYE', contactOf(victim), { from, to: 'sip:102@hotdesk.local', toTag: 'victim-tag', cseq })
    .replace(/^Call-ID: .*$/m, `Call-ID: ${callId}`);
  attacker.send(text);
  return cseq;
}

/** Proves `victim` got nothing before: a MESSAGE sent now from Bob must be the first request it sees. */
async function expectNothingReached(victim: RawSipClient) {
  const bob = await registered('101');
  const cseq = bob.nextCSeq();
  bob.send(bob.request('MESSAGE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: text/plain'], body: 'marker' }));
  const first = await victim.next((text) => !text.startsWith('SIP/2.0'));
  expect(first).toMatch(/^MESSAGE /);
  respondTo(victim, first, '200 OK');
  expect((await bob.response(cseq, 'MESSAGE')).status).toBe(200);
}

/** Bob (101) calls Carol (102) through the proxy; resolves with what each side needs to send in the dialog. */
async function establishCall(bob: RawSipClient, carol: RawSipClient) {
  const cseq = bob.nextCSeq();
  bob.send(bob.request('INVITE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER }));
  const incoming = await carol.next(isRequest('INVITE'));
  respondTo(carol, incoming, '200 OK');
  expect((await bob.response(cseq, 'INVITE')).status).toBe(200);
  return { cseq };
}

describe('in-dialog requests', () => {
  it('refuses a forged in-dialog request (To tag, unknown Call-ID) from an unauthenticated connection; the contact gets nothing', async () => {
    const carol = await registered('102');
    const attacker = await connect();
    const cseq = forgedBye(attacker, carol, 'forged-call@attacker');
    const response = await attacker.response(cseq, 'BYE');
    expect(response.status).toBe(407);
    await expectNothingReached(carol);
  });

  it('keeps a dialog between its own connections: another authenticated user cannot end it, even knowing its Call-ID', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    await establishCall(bob, carol);
    const dan = await registered('103');
    const cseq = dan.nextCSeq();
    const byDan = dan
      .request('BYE', contactOf(carol), { from: 'sip:103@hotdesk.local', to: 'sip:102@hotdesk.local', toTag: 'callee', cseq })
      .replace(/^Call-ID: .*$/m, `Call-ID: ${bob.callId}`)
      .replace(/^From: (.*);tag=.*$/m, `From: $1;tag=${bob.host.slice(0, 8)}`);
    dan.send(byDan);
    expect((await dan.response(cseq, 'BYE')).status).toBe(481);
    await expectNothingReached(carol);
  });

  it('is not fooled by a stranger claiming a registered contact: the dialog’s BYE still reaches the callee', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const { cseq: inviteCseq } = await establishCall(bob, carol);
    // The stranger sends a request carrying Carol's Contact, hoping the proxy will map her contact to its connection.
    const stranger = await connect();
    const optionsCseq = stranger.nextCSeq();
    stranger.send(
      stranger
        .request('OPTIONS', 'sip:102@hotdesk.local', { from: 'sip:102@hotdesk.local', cseq: optionsCseq })
        .replace(/^Contact: .*$/m, `Contact: <${contactOf(carol)}>`),
    );
    expect((await stranger.response(optionsCseq, 'OPTIONS')).status).toBe(407);
    const ack = bob.request('ACK', contactOf(carol), { from: 'sip:101@hotdesk.local', to: 'sip:102@hotdesk.local', toTag: 'callee', cseq: inviteCseq });
    bob.send(ack);
    await carol.next(isRequest('ACK'));
    const byeCseq = bob.nextCSeq();
    bob.send(bob.request('BYE', contactOf(carol), { from: 'sip:101@hotdesk.local', to: 'sip:102@hotdesk.local', toTag: 'callee', cseq: byeCseq }));
    respondTo(carol, await carol.next(isRequest('BYE')), '200 OK');
    expect((await bob.response(byeCseq, 'BYE')).status).toBe(200);
    expect(server.pbx.sip.proxiedDialogCount).toBe(0);
  });

  it('forgets a dialog whose INVITE failed: a later request in it is refused', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const cseq = bob.nextCSeq();
    bob.send(bob.request('INVITE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER }));
    respondTo(carol, await carol.next(isRequest('INVITE')), '486 Busy Here');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(486);
    await carol.next(isRequest('ACK'));
    expect(server.pbx.sip.proxiedDialogCount).toBe(0);
  });
});
