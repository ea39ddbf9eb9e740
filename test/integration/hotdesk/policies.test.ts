import { describe, expect, it, vi } from 'vitest';
import type { MultipleLoginPolicy } from '../../../shared/domain/multipleLogins';
import { ADMIN, ENTER_PIN, useHotDeskPbx } from './support/hotDeskRig';

const rig = useHotDeskPbx();
const desk = (device: string) => rig.desk(device);

async function setPolicy(policy: MultipleLoginPolicy): Promise<void> {
  const response = await fetch(`${rig.server.origin}/api/v1/settings`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify({ multipleLogins: policy }) });
  expect(await response.json()).toMatchObject({ multipleLogins: policy });
}

describe('logging in on a second phone: the multiple-login policy (GET|PATCH /api/v1/settings)', () => {
  it('logout-other (default): the first phone gets check-sync, is idle again, and Alice is registered only from the second', async () => {
    await setPolicy('logout-other');
    const first = await desk('HD0001');
    await first.logIn('100', '482619');
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(1);
    const second = await desk('HD0002');
    const firstToldToResync = first.nextCheckSync();
    await second.logIn('100', '482619');
    await firstToldToResync;
    expect([rig.server.pbx.logins.sessionOf('HD0001'), rig.server.pbx.logins.devicesOf('100')]).toEqual([null, ['HD0002']]);
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(1); // the second phone's; the first one's was dropped
    await first.reprovision();
    expect(first.user).toBe('HD0001');
    await vi.waitFor(() =>
      expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.logout'], device: 'HD0001' }).map((event) => [event.actor, event.detail]).at(-1)).toEqual(['other-device', 'logged in on HD0002']),
    );
  });

  it('deny: the second login is refused with "not permitted", and the first phone keeps Alice', async () => {
    await setPolicy('deny');
    const first = await desk('HD0001');
    await first.logIn('100', '482619');
    const second = await desk('HD0002');
    const call = await second.dial('*77*100*');
    expect(await call.nextCaption()).toBe(ENTER_PIN);
    await call.rtpKeys('482619#');
    expect(await call.nextCaption()).toBe('Login not permitted — you are logged in on another phone');
    await call.ended();
    expect([rig.server.pbx.logins.sessionOf('HD0001')?.extension, rig.server.pbx.logins.sessionOf('HD0002'), first.checkSyncs]).toEqual(['100', null, 1]);
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.login-denied'] }).map((event) => [event.device, event.extension])).toEqual([['HD0002', '100']]);
  });

  it('allow: Alice is logged in on both phones and registered from both', async () => {
    await setPolicy('allow');
    const first = await desk('HD0001');
    await first.logIn('100', '482619');
    const second = await desk('HD0002');
    await second.logIn('100', '482619');
    expect(rig.server.pbx.logins.devicesOf('100')).toEqual(['HD0001', 'HD0002']);
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(2);
    // Logging one phone out drops only that phone's registration.
    await rig.server.pbx.logins.logout('HD0001', 'user');
    expect(rig.server.pbx.sip.bindingsOf('100')).toHaveLength(1);
    expect(rig.server.pbx.logins.devicesOf('100')).toEqual(['HD0002']);
  });
});
