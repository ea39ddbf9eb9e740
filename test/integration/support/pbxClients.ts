import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { RawSipClient } from './rawSipClient';
import { startTestPbx, type TestPbx } from './pbxServer';

/** One real PBX for a test file, and raw SIP clients on it that are closed after each test. */
export function useTestPbxClients() {
  let server: TestPbx | null = null;
  const clients: RawSipClient[] = [];
  beforeAll(async () => {
    server = await startTestPbx();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const pbx = (): TestPbx => {
    if (!server) throw new Error('The test PBX is not running yet');
    return server;
  };
  const connect = async (): Promise<RawSipClient> => {
    const client = await RawSipClient.connect(pbx().wsUrl);
    clients.push(client);
    return client;
  };
  /** A client registered as a demo extension (password `sip-<ext>`). */
  const registered = async (user: string): Promise<RawSipClient> => {
    const client = await connect();
    expect(await client.register(user, `sip-${user}`)).toBe(200);
    return client;
  };
  return { pbx, connect, registered };
}
