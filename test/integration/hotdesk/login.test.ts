import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_ALICE_BLF } from '../../../shared/domain/demoSeed';
import { ADMIN, ENTER_PIN, TOO_MANY, useHotDeskPbx, WRONG_PIN } from './support/hotDeskRig';

const rig = useHotDeskPbx();
const phone = (device: string) => rig.desk(device);

async function devices(): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${rig.server.origin}/api/v1/devices`, { headers: ADMIN });
  return ((await response.json()) as { devices: Array<Record<string, unknown>> }).devices;
}

describe('hot-desk login over real SIP and WebRTC: *77*<ext>* and the PIN', () => {
  it('logs in with RFC 4733 digits: captions by INFO, check-sync, the user document, REGISTER as the user', async () => {
    const desk = await phone('HD0001');
    expect(desk.user).toBe('HD0001');
    const call = await desk.dial('*77*100*');
    expect([call.status, call.response.headers.get('p-asserted-identity')?.[0]]).toEqual([200, '"Hot desking" <sip:*77*100*@hotdesk.local>']);
    expect(await call.nextCaption()).toBe(ENTER_PIN);
    await call.audio(10); // the prompt plays as PCMU
    const checkSync = desk.nextCheckSync();
    await call.rtpKeys('482619#');
    await checkSync; // sent as soon as the PIN is accepted, before the confirmation
    expect(await call.nextCaption()).toBe('Logged in as extension 100');

    const document = await desk.fetchDocument();
    expect(document.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(document.account).toMatchObject({
      uri: 'sip:100@hotdesk.local',
      authUser: '100',
      credentials: { kind: 'ha1', ha1: createHash('md5').update('100:hotdesk.local:sip-100').digest('hex'), realm: 'hotdesk.local' },
    });
    expect(document.blf).toEqual(DEMO_ALICE_BLF);
    expect(document.device).toEqual({ mac: '02:00:00:00:00:01', poolName: 'HD0001' });
    const since = document.session?.since;
    expect(Date.parse(since ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const [hd0001] = await devices();
    expect(hd0001).toMatchObject({ name: 'HD0001', status: 'logged-in', extension: '100', since });
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.login'] }).map((event) => [event.device, event.extension, event.mac])).toEqual([['HD0001', '100', '02:00:00:00:00:01']]);

    // The device hangs up the IVR and re-registers as the user at once.
    await call.hangUp();
    await desk.reprovision();
    expect(desk.user).toBe('100');
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(1);
    expect(rig.server.pbx.sip.bindingsOf('HD0001')).toEqual([]);
    // The console's row: the user's name, and the user's registration from this desk as the device's last one.
    const registeredAt = new Date(rig.server.pbx.sip.bindingsOf('100')[0]?.registeredAt ?? 0).toISOString();
    expect((await devices())[0]).toMatchObject({ name: 'HD0001', userName: 'Alice Andrews', lastRegistration: registeredAt });
  });

  it('logs in with SIP INFO digits (application/dtmf-relay), and the IVR hangs up after the confirmation', async () => {
    const desk = await phone('HD0002');
    const call = await desk.dial('*77*101*');
    expect(await call.nextCaption()).toBe(ENTER_PIN);
    await call.infoKeys('739104#');
    expect(await call.nextCaption()).toBe('Logged in as extension 101');
    await call.ended();
    expect(rig.server.pbx.logins.sessionOf('HD0002')?.extension).toBe('101');
  });

  it('says "wrong PIN" and lets the user try again', async () => {
    const desk = await phone('HD0001');
    const call = await desk.dial('*77*100*');
    expect(await call.nextCaption()).toBe(ENTER_PIN);
    await call.rtpKeys('111111#');
    expect(await call.nextCaption()).toBe(WRONG_PIN);
    await call.rtpKeys('482619#');
    expect(await call.nextCaption()).toBe('Logged in as extension 100');
  });

  it('ends the call after three wrong PINs', async () => {
    const desk = await phone('HD0001');
    const call = await desk.dial('*77*100*');
    expect(await call.nextCaption()).toBe(ENTER_PIN);
    for (const pin of ['111111#', '222222#']) {
      await call.rtpKeys(pin);
      expect(await call.nextCaption()).toBe(WRONG_PIN);
    }
    await call.infoKeys('333333#');
    expect(await call.nextCaption()).toBe(TOO_MANY);
    await call.ended();
    expect(call.captions).toEqual([ENTER_PIN, WRONG_PIN, WRONG_PIN, TOO_MANY]);
    expect(rig.server.pbx.logins.sessionOf('HD0001')).toBeNull();
    await rig.server.pbx.logins.settled();
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.pin-failed'], device: 'HD0001' }).map((event) => event.detail)).toEqual(['wrong PIN', 'wrong PIN', 'wrong PIN', 'wrong PIN']);
  });
});
