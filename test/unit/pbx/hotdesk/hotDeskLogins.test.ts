import { describe, expect, it } from 'vitest';
import type { HotDeskChange } from '../../../../electron/pbx/core/hotdesk/changeFeed';
import { HotDeskLogins } from '../../../../electron/pbx/core/hotdesk/hotDeskLogins';
import { makeHotDesk } from './support';

const MINUTE = 60_000;
const ALICE_PIN = '482619';
const BOB_PIN = '739104';
const ERIN_PIN = '295731'; // 104: hot desking off

async function setUp(options: Parameters<typeof makeHotDesk>[0] = {}) {
  const { hotDesk, clock } = await makeHotDesk(options);
  const calls: string[] = [];
  const changes: HotDeskChange[] = [];
  hotDesk.changes.subscribe((change) => changes.push(change));
  const logins = new HotDeskLogins({
    hotDesk,
    now: () => clock.time,
    reprovision: (name, formerUser) => calls.push(`check-sync ${name}${formerUser === null ? '' : ` (also ${formerUser})`}`),
    onSessionStarted: (name, extension) => calls.push(`started ${name} ${extension}`),
    onSessionEnded: (name, extension) => calls.push(`ended ${name} ${extension}`),
  });
  const audit = () => hotDesk.audit.list().map((event) => [event.kind, event.actor, event.device, event.extension, event.detail]);
  return { hotDesk, clock, logins, calls, changes, audit };
}

describe('hot-desk login and logout', () => {
  it('logs a user in: the session on the device record, check-sync, the login in the audit log', async () => {
    const { hotDesk, clock, logins, calls, changes, audit } = await setUp();
    expect(await logins.checkPin('HD0001', '100', ALICE_PIN)).toBe('accepted');
    expect(await logins.login('HD0001', '100')).toEqual({ kind: 'logged-in', extension: '100', name: 'Alice Andrews', roamedFrom: null, loggedOutElsewhere: [] });
    expect(hotDesk.devices.get('HD0001')?.session).toEqual({ extension: '100', since: new Date(clock.time).toISOString() });
    expect(logins.sessionOf('HD0001')).toEqual({ extension: '100', since: new Date(clock.time) });
    expect(logins.devicesOf('100')).toEqual(['HD0001']);
    expect(calls).toEqual(['check-sync HD0001', 'started HD0001 100']);
    expect(changes).toContainEqual({ type: 'device.status', name: 'HD0001' });
    expect(audit()).toEqual([['hotdesk.login', '100', 'HD0001', '100', null]]);
  });

  it('roams straight from one user to the next on the same device', async () => {
    const { logins, calls, audit } = await setUp();
    await logins.login('HD0001', '100');
    calls.length = 0;
    expect(await logins.login('HD0001', '101')).toMatchObject({ kind: 'logged-in', extension: '101', roamedFrom: '100' });
    expect(logins.sessionOf('HD0001')?.extension).toBe('101');
    // check-sync goes out while Alice's registrations from the device still exist, then they are dropped.
    expect(calls).toEqual(['check-sync HD0001 (also 100)', 'ended HD0001 100', 'started HD0001 101']);
    expect(audit().slice(1)).toEqual([
      ['hotdesk.logout', 'user', 'HD0001', '100', 'roamed to 101'],
      ['hotdesk.roam', '101', 'HD0001', '101', 'from 100'],
    ]);
  });

  it('logs out, saying who ended the session; a second logout finds nobody', async () => {
    const { logins, calls, audit } = await setUp();
    for (const [endedBy, extension] of [['user', '100'], ['admin', '101'], ['auto', '102']] as const) {
      await logins.login('HD0002', extension);
      calls.length = 0;
      expect(await logins.logout('HD0002', endedBy, `by ${endedBy}`)).toBe(true);
      expect(calls).toEqual([`check-sync HD0002 (also ${extension})`, `ended HD0002 ${extension}`]);
    }
    expect(await logins.logout('HD0002', 'user')).toBe(false);
    expect(logins.sessionOf('HD0002')).toBeNull();
    expect(audit().filter(([kind]) => kind === 'hotdesk.logout').map(([, actor, , extension]) => [actor, extension])).toEqual([
      ['user', '100'],
      ['admin', '101'],
      ['auto', '102'],
    ]);
  });

  it('multiple logins, logout-other (default): the user is logged out of the first device', async () => {
    const { logins, calls, audit } = await setUp();
    await logins.login('HD0001', '100');
    calls.length = 0;
    expect(await logins.login('HD0002', '100')).toMatchObject({ kind: 'logged-in', loggedOutElsewhere: ['HD0001'] });
    expect(logins.devicesOf('100')).toEqual(['HD0002']);
    expect(calls).toEqual(['check-sync HD0001 (also 100)', 'ended HD0001 100', 'check-sync HD0002', 'started HD0002 100']);
    expect(audit()).toContainEqual(['hotdesk.logout', 'other-device', 'HD0001', '100', 'logged in on HD0002']);
  });

  it('multiple logins, deny: the second login is refused and recorded', async () => {
    const { hotDesk, logins, calls, audit } = await setUp();
    await hotDesk.settings.update({ multipleLogins: 'deny' });
    await logins.login('HD0001', '100');
    calls.length = 0;
    expect(await logins.login('HD0002', '100')).toEqual({ kind: 'denied', extension: '100', elsewhere: ['HD0001'] });
    expect([logins.sessionOf('HD0002'), logins.devicesOf('100'), calls]).toEqual([null, ['HD0001'], []]);
    expect(audit().at(-1)).toEqual(['hotdesk.login-denied', '100', 'HD0002', '100', 'refused: already logged in on HD0001']);
    expect(await logins.login('HD0001', '100')).toMatchObject({ kind: 'logged-in' }); // again on the same phone is fine
  });

  it('multiple logins, allow: both sessions stay', async () => {
    const { hotDesk, logins } = await setUp();
    await hotDesk.settings.update({ multipleLogins: 'allow' });
    await logins.login('HD0001', '100');
    await logins.login('HD0002', '100');
    expect(logins.devicesOf('100')).toEqual(['HD0001', 'HD0002']);
  });

  it('logs a user out everywhere when the extension is deleted or loses hot desking', async () => {
    const { hotDesk, logins, audit } = await setUp();
    await logins.login('HD0001', '100');
    await logins.login('HD0002', '101');
    await hotDesk.extensions.update('100', { hotDesking: false });
    await hotDesk.extensions.remove('101');
    await logins.logout('HD0003', 'user'); // queued behind the two revocations
    expect([logins.sessionOf('HD0001'), logins.sessionOf('HD0002')]).toEqual([null, null]);
    expect(audit().filter(([kind]) => kind === 'hotdesk.logout').map(([, actor, device]) => [actor, device])).toEqual([
      ['admin', 'HD0001'],
      ['admin', 'HD0002'],
    ]);
  });

  it("re-provisions the devices a user is logged in on when the user's name or BLF positions change", async () => {
    const { hotDesk, logins, calls } = await setUp();
    await logins.login('HD0003', '102');
    calls.length = 0;
    await hotDesk.extensions.update('102', { blf: [{ type: 'blf', extension: '100', label: 'Alice' }] });
    await hotDesk.extensions.update('101', { name: 'Robert Brown' }); // logged in nowhere
    expect(calls).toEqual(['check-sync HD0003']);
  });

  it('knows whether the licence allows hot desking', async () => {
    expect((await setUp()).logins.licensed()).toBe(true);
    expect((await setUp({ mode: 'site', licence: 'none' })).logins.licensed()).toBe(false);
  });
});

describe('hot-desk PIN checks and the lockout', () => {
  it('refuses a wrong PIN, an unknown extension, one without hot desking and one without a PIN alike', async () => {
    const { hotDesk, logins, audit } = await setUp();
    await hotDesk.extensions.create({ extension: '106', name: 'Gina Green', hotDesking: true });
    expect(await logins.checkPin('HD0001', '100', '000000')).toBe('refused');
    expect(await logins.checkPin('HD0001', '999', ALICE_PIN)).toBe('refused');
    expect(await logins.checkPin('HD0001', '104', ERIN_PIN)).toBe('refused');
    expect(await logins.checkPin('HD0001', '106', '')).toBe('refused');
    await logins.settled();
    expect(audit().map(([kind, , device, extension, detail]) => [kind, device, extension, detail])).toEqual([
      ['hotdesk.pin-failed', 'HD0001', '100', 'wrong PIN'],
      ['hotdesk.pin-failed', 'HD0001', '999', 'no such extension'],
      ['hotdesk.pin-failed', 'HD0001', '104', 'hot desking is not enabled for the extension'],
      ['hotdesk.pin-failed', 'HD0001', '106', 'the extension has no PIN'],
    ]);
  });

  it('locks hot-desk login after 5 wrong PINs within 15 minutes, for 15 minutes; the right PIN is refused meanwhile', async () => {
    const { hotDesk, clock, logins, changes, audit } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await logins.checkPin(`HD000${(attempt % 3) + 1}`, '101', '000000')).toBe('refused');
      clock.advance(3 * MINUTE - 1);
    }
    await logins.settled();
    const until = new Date(clock.time - (3 * MINUTE - 1) + 15 * MINUTE).toISOString();
    expect(hotDesk.extensions.get('101')?.lockedUntil).toBe(until);
    expect(changes).toContainEqual({ type: 'extension.locked', extension: '101', until });
    expect(audit().filter(([kind]) => kind === 'hotdesk.lockout')).toEqual([['hotdesk.lockout', 'system', null, '101', `hot-desk login locked until ${until} after too many wrong PINs`]]);
    expect(await logins.checkPin('HD0001', '101', BOB_PIN)).toBe('refused');
    await logins.settled();
    expect(audit().at(-1)?.[4]).toBe('extension locked after too many wrong PINs');
    expect(await logins.checkPin('HD0001', '100', ALICE_PIN)).toBe('accepted'); // other extensions are not affected
    clock.time = Date.parse(until);
    expect(await logins.checkPin('HD0001', '101', BOB_PIN)).toBe('accepted');
  });

  it('does not lock when the failures are spread over more than 15 minutes, and a good PIN clears them', async () => {
    const { hotDesk, clock, logins } = await setUp();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await logins.checkPin('HD0001', '102', '000000');
      clock.advance(4 * MINUTE);
    }
    await logins.checkPin('HD0001', '102', '508377');
    for (let attempt = 0; attempt < 4; attempt += 1) await logins.checkPin('HD0001', '102', '000000');
    await logins.settled();
    expect(hotDesk.extensions.get('102')?.lockedUntil).toBeNull();
  });

  it("an administrator's unlock lets the right PIN in at once", async () => {
    const { hotDesk, logins } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1) await logins.checkPin('HD0001', '103', '000000');
    await logins.settled();
    expect(await logins.checkPin('HD0001', '103', '614250')).toBe('refused');
    await hotDesk.extensions.update('103', { locked: false });
    expect(await logins.checkPin('HD0001', '103', '614250')).toBe('accepted');
  });

  it('a lock holds at once, even before it is written to the extension record', async () => {
    const { logins } = await setUp();
    const attempts = Array.from({ length: 5 }, () => logins.checkPin('HD0001', '105', '000000'));
    await Promise.all(attempts);
    expect(await logins.checkPin('HD0001', '105', '836402')).toBe('refused');
  });
});
