import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_OFFER, headerOf as header, isRequest, RawSipClient, respondTo as respond } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;
const clients: RawSipClient[] = [];

beforeAll(async () => {
  server = await startTestPbx();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  await server.stop();
});

async function registered(user: string): Promise<RawSipClient> {
  const client = await RawSipClient.connect(server.wsUrl);
  clients.push(client);
  expect(await client.register(user, `sip-${user}`)).toBe(200);
  return client;
}

function invite(caller: RawSipClient, target: string, extraHeaders: string[] = [], branch?: string) {
  const cseq = caller.nextCSeq();
  caller.send(
    caller.request('INVITE', `sip:${target}@hotdesk.local`, {
      from: 'sip:101@hotdesk.local',
      cseq,
      ...(branch ? { branch } : {}),
      headers: ['Content-Type: application/sdp', ...extraHeaders],
      body: DUMMY_OFFER,
    }),
  );
  return cseq;
}

describe('stateful proxy between registered users', () => {
  it('routes INVITE, ringing, answer, ACK and BYE through the Record-Route', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const cseq = invite(bob, '102');
    const incoming = await carol.next(isRequest('INVITE'));
    expect(incoming).toMatch(/^INVITE sip:raw@.+\.invalid;transport=ws SIP\/2\.0/);
    expect(header(incoming, 'Record-Route')).toBe('<sip:127.0.0.1;transport=ws;lr>');
    expect(header(incoming, 'Max-Forwards')).toBe('69');
    expect(incoming.match(/^Via: /gim)).toHaveLength(2);
    respond(carol, incoming, '180 Ringing');
    expect((await bob.next((m) => m.startsWith('SIP/2.0 180'))).match(/^Via: /gim)).toHaveLength(1);
    respond(carol, incoming, '200 OK');
    const ok = await bob.response(cseq, 'INVITE');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('record-route')).toEqual(['<sip:127.0.0.1;transport=ws;lr>']);

    const remoteTarget = /<([^>]+)>/.exec(ok.headers.get('contact')?.[0] ?? '')?.[1] ?? '';
    const inDialog = (method: string, seq: number) =>
      bob.request(method, remoteTarget, { from: 'sip:101@hotdesk.local', to: 'sip:102@hotdesk.local', toTag: 'callee', cseq: seq, headers: ['Route: <sip:127.0.0.1;transport=ws;lr>'] });
    bob.send(inDialog('ACK', cseq));
    const ack = await carol.next(isRequest('ACK'));
    expect(header(ack, 'Route')).toBeUndefined();

    const byeCseq = bob.nextCSeq();
    bob.send(inDialog('BYE', byeCseq));
    const bye = await carol.next(isRequest('BYE'));
    respond(carol, bye, '200 OK');
    expect((await bob.response(byeCseq, 'BYE')).status).toBe(200);
  });

  it('forwards the callee’s 486 Busy Here', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const cseq = invite(bob, '102');
    respond(carol, await carol.next(isRequest('INVITE')), '486 Busy Here');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(486);
    await carol.next(isRequest('ACK')); // hop-by-hop ACK for the non-2xx from the proxy's client transaction
  });

  it('cancels a ringing call: the callee gets CANCEL and the caller 487', async () => {
    const bob = await registered('101');
    const carol = await registered('102');
    const cseq = invite(bob, '102', [], 'ringing1');
    const incoming = await carol.next(isRequest('INVITE'));
    respond(carol, incoming, '180 Ringing');
    await bob.next((m) => m.startsWith('SIP/2.0 180'));
    bob.send(bob.request('CANCEL', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, branch: 'ringing1' }));
    expect((await bob.response(cseq, 'CANCEL')).status).toBe(200);
    const cancel = await carol.next(isRequest('CANCEL'));
    respond(carol, cancel, '200 OK');
    respond(carol, incoming, '487 Request Terminated');
    expect((await bob.response(cseq, 'INVITE')).status).toBe(487);
  });

  it('forks to every contact of a user and cancels the others when one answers', async () => {
    const bob = await registered('101');
    const desk = await registered('103');
    const mobile = await registered('103');
    const cseq = invite(bob, '103');
    const atDesk = await desk.next(isRequest('INVITE'));
    const atMobile = await mobile.next(isRequest('INVITE'));
    respond(desk, atDesk, '180 Ringing', [], 'desk');
    respond(mobile, atMobile, '180 Ringing', [], 'mobile');
    respond(desk, atDesk, '200 OK', [], 'desk');
    const ok = await bob.response(cseq, 'INVITE');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('to')?.[0]).toContain('tag=desk');
    const cancel = await mobile.next(isRequest('CANCEL'));
    respond(mobile, cancel, '200 OK', [], 'mobile');
    respond(mobile, atMobile, '487 Request Terminated', [], 'mobile');
  });

  it('answers 483 when Max-Forwards is exhausted and 482 for a request that already passed through', async () => {
    const bob = await registered('101');
    await registered('102');
    const exhausted = bob.nextCSeq();
    bob.send(
      bob
        .request('MESSAGE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq: exhausted, headers: ['Content-Type: text/plain'], body: 'x' })
        .replace('Max-Forwards: 70', 'Max-Forwards: 0'),
    );
    expect((await bob.response(exhausted, 'MESSAGE')).status).toBe(483);
    const looped = bob.nextCSeq();
    bob.send(
      bob
        .request('MESSAGE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq: looped, headers: ['Content-Type: text/plain'], body: 'x' })
        .replace(/^(Via: .*)$/m, '$1\r\nVia: SIP/2.0/WS 127.0.0.1;branch=z9hG4bKloop'),
    );
    expect((await bob.response(looped, 'MESSAGE')).status).toBe(482);
  });

  it('challenges a request from a connection that has not authenticated as its From user', async () => {
    const stranger = await RawSipClient.connect(server.wsUrl);
    clients.push(stranger);
    const cseq = stranger.nextCSeq();
    stranger.send(stranger.request('MESSAGE', 'sip:102@hotdesk.local', { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: text/plain'], body: 'x' }));
    const response = await stranger.response(cseq, 'MESSAGE');
    expect(response.status).toBe(407);
    expect(response.headers.get('proxy-authenticate')?.[0]).toMatch(/^Digest realm="hotdesk.local"/);
  });
});
