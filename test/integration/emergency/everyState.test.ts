import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStreamClient } from '../admin/support/eventStreamClient';
import { ENTER_PIN, startDeskPhone, startHotDeskPbx, useHotDeskPbx, WRONG_PIN } from '../hotdesk/support/hotDeskRig';
import { TEST_KEYS, testLicence } from '../../unit/pbx/hotdesk/support';
import { dialEmergency, fromHd0001, openEvents } from './support';

const ALICE = { extension: '100', name: 'Alice Andrews' };
const rig = useHotDeskPbx();
let stream: EventStreamClient;

beforeAll(async () => {
  stream = await openEvents(rig.server);
});
afterAll(() => stream.close());

describe('an emergency call from a hot desk connects, carries the desk location and notifies, in every state', () => {
  it('logged in: the desk location and the logged-in user, nothing of the user but their extension and name', async () => {
    const desk = await rig.desk('HD0001');
    await desk.logIn(ALICE.extension, '482619');
    expect(desk.user).toBe('100');
    const { data } = await dialEmergency(stream, desk, '112');
    expect(data).toMatchObject(fromHd0001('112', ALICE, '100'));
    const audit = rig.server.pbx.hotDesk.audit.list({ kinds: ['emergency.call'] }).at(-1);
    expect(audit).toMatchObject({ device: 'HD0001', extension: '100', mac: '02:00:00:00:00:01' });
  });

  it('in the middle of the login IVR', async () => {
    const desk = await rig.desk('HD0001');
    const ivr = await desk.dial('*77*100*');
    expect(await ivr.nextCaption()).toBe(ENTER_PIN);
    const { data } = await dialEmergency(stream, desk, '911');
    expect(data).toMatchObject(fromHd0001('911', null, 'HD0001'));
  });

  it('while another call is active, put on hold by the phone', async () => {
    const desk = await rig.desk('HD0001');
    await desk.logIn(ALICE.extension, '482619');
    const echo = await desk.dial('200');
    expect(echo.status).toBe(200);
    expect(await echo.hold()).toBe(200);
    const { data } = await dialEmergency(stream, desk, '999');
    expect(data).toMatchObject(fromHd0001('999', ALICE, '100'));
  });

  it('with the hot-desk login locked', async () => {
    await rig.server.pbx.hotDesk.extensions.lock('100', new Date(Date.now() + 15 * 60_000));
    try {
      const desk = await rig.desk('HD0001');
      const ivr = await desk.dial('*77*100*');
      expect(await ivr.nextCaption()).toBe(ENTER_PIN);
      await ivr.infoKeys('482619#');
      expect(await ivr.nextCaption()).toBe(WRONG_PIN); // locked: the right PIN is refused like a wrong one
      const { data } = await dialEmergency(stream, desk, '112');
      expect(data).toMatchObject(fromHd0001('112', null, 'HD0001'));
    } finally {
      await rig.server.pbx.hotDesk.extensions.update('100', { locked: false });
    }
  });

  it('in the seconds of re-provisioning after a login: still registered as the desk, the call names the new user', async () => {
    const desk = await rig.desk('HD0001');
    const ivr = await desk.dial('*77*100*');
    expect(await ivr.nextCaption()).toBe(ENTER_PIN);
    const checkSync = desk.nextCheckSync();
    await ivr.infoKeys('482619#');
    await checkSync;
    expect(desk.user).toBe('HD0001'); // the document is not fetched yet
    const { data } = await dialEmergency(stream, desk, '911');
    expect(data).toMatchObject(fromHd0001('911', ALICE, 'HD0001'));
  });

  it('in the seconds of re-provisioning after a logout: still registered as the user who left, the call is the idle desk\'s', async () => {
    const desk = await rig.desk('HD0001');
    await desk.logIn(ALICE.extension, '482619');
    await rig.server.pbx.logins.logout('HD0001', 'admin');
    expect(rig.server.pbx.sip.bindingsOf('100')).toEqual([]); // the PBX dropped the user's registration from the desk
    expect(desk.user).toBe('100'); // the phone has not re-fetched yet
    const { data } = await dialEmergency(stream, desk, '112');
    expect(data).toMatchObject(fromHd0001('112', null, '100'));
  });
});

describe('an emergency call whatever the licence says', () => {
  it('with the licence expired while a user is logged in', async () => {
    const licenceDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-licence-'));
    writeFileSync(path.join(licenceDir, 'public-key.pem'), TEST_KEYS.publicKeyPem); // no built-in demo licence
    const server = await startHotDeskPbx({ licenceDir });
    const events = await openEvents(server);
    try {
      await server.pbx.hotDesk.licence.install(testLicence({ expires: '2099-12-31' }));
      const desk = await startDeskPhone(server, 'HD0001');
      await desk.logIn(ALICE.extension, '482619');
      // The licence runs out: what is stored is now an expired one.
      const expired = testLicence({ issued: '2020-01-01', expires: '2020-12-31' });
      await server.pbx.hotDesk.store.licence.update(() => ({ next: { token: expired, installedAt: new Date().toISOString() }, result: undefined }));
      expect(server.pbx.hotDesk.licence.status()).toMatchObject({ state: 'expired', hotDesking: false });
      const { data } = await dialEmergency(events, desk, '911');
      expect(data).toMatchObject(fromHd0001('911', ALICE, '100'));
      await desk.close();
    } finally {
      events.close();
      await server.stop();
    }
  });
});
