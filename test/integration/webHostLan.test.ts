// A site host listening on every interface (--host 0.0.0.0) without a certificate, as another machine on the LAN
// sees it: real addresses in what it prints and hands out, SIP for the LAN, everything carrying secrets for this
// machine only. Real sockets, the real PBX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlLines } from '../../electron/host/cli';
import { httpGet, pageSecretCookie, upgradeStatus } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';
import { LAN_ADDRESS } from './support/lanAddress';

describe.skipIf(!LAN_ADDRESS)('a site host on 0.0.0.0 over plain HTTP (skipped without a LAN address)', () => {
  let services: Awaited<ReturnType<typeof startTestServices>>;
  let port: string;
  let lanHost: string;
  const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

  beforeAll(async () => {
    services = await startTestServices(null, { mode: 'site', host: '0.0.0.0' });
    port = new URL(services.origin).port;
    lanHost = `${LAN_ADDRESS}:${port}`;
  });
  afterAll(async () => {
    await services?.stop();
  });

  it('prints and hands out the real address, never 0.0.0.0, and warns about plain HTTP', () => {
    expect(services.origin).toBe(`http://127.0.0.1:${port}`);
    expect(services.publicOrigin).toBe(`http://${lanHost}`);
    const printed = urlLines(services.origin, services.publicOrigin).join('\n');
    expect(printed).not.toContain('0.0.0.0');
    expect(printed).toContain(`Phone (this kiosk):  http://127.0.0.1:${port}/`);
    expect(printed).toContain(`SIP WebSocket:       ws://${lanHost}/sip`);
    expect(printed).toContain(`Admin API:           http://${lanHost}/api/v1`);
    expect(services.warnings.join('\n')).toContain('Listening on 0.0.0.0 over plain HTTP: other machines get SIP only');
  });

  it('gives another machine no page, admin API or provisioning document over plain HTTP, but SIP', async () => {
    const fromLan = { localAddress: LAN_ADDRESS as string };
    const headers = { Host: lanHost, ...ADMIN };
    for (const path of ['/', '/?mac=02:00:00:00:00:02', '/api/v1/phones', '/provisioning/anything']) {
      const answer = await httpGet(`${services.origin}${path}`, headers, fromLan);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toContain('over HTTPS only');
      expect(pageSecretCookie(answer)).toBeNull();
    }
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/sip`, { Host: lanHost }, { ...fromLan, protocol: 'sip' })).toBe(101);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/bridge`, { Host: lanHost, Origin: `http://${lanHost}` }, fromLan)).toBe(403);
  });

  it('serves this machine under its loopback and LAN names, and nobody under another name', async () => {
    expect((await httpGet(`${services.origin}/`)).status).toBe(200);
    // The admin API itself answers (it wants the site's generated password, not demo's).
    expect((await httpGet(`http://${lanHost}/api/v1/phones`, ADMIN)).status).toBe(401);
    expect((await httpGet(`http://${lanHost}/`, { Host: `rebind.attacker.example:${port}` })).status).toBe(421);
  });
});
