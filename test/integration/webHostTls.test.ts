import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeTestClient } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';
import { RawSipClient } from './support/rawSipClient';
import { HAS_OPENSSL, makeSelfSignedCertificate } from './support/selfSignedCertificate';

describe.skipIf(!HAS_OPENSSL)('web host over TLS (skipped without openssl)', () => {
  let services: Awaited<ReturnType<typeof startTestServices>>;

  beforeAll(async () => {
    services = await startTestServices(makeSelfSignedCertificate());
  });
  afterAll(async () => {
    await services?.stop();
  });

  it('serves the bridge over wss and points the phone at wss://…/sip, where SIP works', async () => {
    expect(services.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const wsOrigin = services.origin.replace(/^https/, 'wss');
    const page = await BridgeTestClient.openPage(services.origin, '?account=101', { rejectUnauthorized: false });
    const account = await page.request('phone.account');
    expect(account).toMatchObject({ ok: true, result: { webSocketUrl: `${wsOrigin}/sip`, authUser: '101' } });
    page.close();
    const sip = await RawSipClient.connect(`${wsOrigin}/sip`, 'sip', { rejectUnauthorized: false });
    expect(await sip.register('101', 'sip-101')).toBe(200);
    sip.close();
  });
});
