import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestAuthorization, RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

// RFC 2617 §3.2.2.5 / RFC 3261 §22.4: the digest `uri` must be the Request-URI, so credentials cannot be replayed on
// another request. A mismatch is answered 400 whatever the response hash says.

let server: TestPbx;
let client: RawSipClient;

beforeAll(async () => {
  server = await startTestPbx();
  client = await RawSipClient.connect(server.wsUrl);
});
afterAll(async () => {
  client.close();
  await server.stop();
});

async function challenge(method: string, uri: string, from: string): Promise<string> {
  const cseq = client.nextCSeq();
  client.send(client.request(method, uri, { from, to: from, cseq, headers: method === 'REGISTER' ? ['Expires: 300'] : [] }));
  const response = await client.response(cseq, method);
  return response.headers.get(method === 'REGISTER' ? 'www-authenticate' : 'proxy-authenticate')?.[0] ?? '';
}

async function withCredentials(method: string, uri: string, from: string, header: string, credentials: string) {
  const cseq = client.nextCSeq();
  client.send(client.request(method, uri, { from, to: from, cseq, headers: [...(method === 'REGISTER' ? ['Expires: 300'] : []), `${header}: ${credentials}`] }));
  return client.response(cseq, method);
}

describe('digest uri', () => {
  it('refuses a REGISTER whose credentials were computed, correctly, for another URI', async () => {
    const nonce = await challenge('REGISTER', 'sip:hotdesk.local', 'sip:101@hotdesk.local');
    const credentials = digestAuthorization(nonce, '101', 'sip-101', 'REGISTER', 'sip:elsewhere.example');
    const response = await withCredentials('REGISTER', 'sip:hotdesk.local', 'sip:101@hotdesk.local', 'Authorization', credentials);
    expect([response.status, response.reason]).toEqual([400, 'The digest uri is not the Request-URI']);
    expect(server.pbx.sip.bindingsOf('101')).toEqual([]);
  });

  it('refuses Proxy-Authorization made for another Request-URI (a replay onto another callee)', async () => {
    const nonce = await challenge('MESSAGE', 'sip:102@hotdesk.local', 'sip:101@hotdesk.local');
    const credentials = digestAuthorization(nonce, '101', 'sip-101', 'MESSAGE', 'sip:103@hotdesk.local');
    expect((await withCredentials('MESSAGE', 'sip:102@hotdesk.local', 'sip:101@hotdesk.local', 'Proxy-Authorization', credentials)).status).toBe(400);
  });

  it('compares as URIs, not as text: the same URI written differently is accepted', async () => {
    const nonce = await challenge('REGISTER', 'sip:hotdesk.local', 'sip:101@hotdesk.local');
    const credentials = digestAuthorization(nonce, '101', 'sip-101', 'REGISTER', 'sip:HOTDESK.local');
    expect((await withCredentials('REGISTER', 'sip:hotdesk.local', 'sip:101@hotdesk.local', 'Authorization', credentials)).status).toBe(200);
  });
});
