import { describe, expect, it } from 'vitest';
import { EventStreamClient } from '../admin/support/eventStreamClient';
import type { IvrCall } from './support/deskPhone';
import { ADMIN, ADMIN_AUTH, ENTER_PIN, TOO_MANY, useHotDeskPbx, WRONG_PIN } from './support/hotDeskRig';

const rig = useHotDeskPbx();
const desk = (device?: string) => rig.desk(device);

/** Keys each PIN (as SIP INFO) after the prompt; returns every caption and whether the IVR hung up. */
async function tryPins(call: IvrCall, pins: readonly string[]): Promise<{ status: number; captions: string[]; hungUp: boolean }> {
  expect(await call.nextCaption()).toBe(ENTER_PIN);
  for (const pin of pins) {
    await call.infoKeys(`${pin}#`);
    await call.nextCaption();
  }
  if (pins.length >= 3) await call.ended();
  else await call.hangUp();
  return { status: call.status, captions: call.captions, hungUp: call.byeReceived };
}

describe('hot-desk PIN security over SIP', () => {
  it('an unknown extension, one without hot desking, one without a PIN and a locked one behave exactly like a wrong PIN', { timeout: 90_000 }, async () => {
    const created = await fetch(`${rig.server.origin}/api/v1/extensions`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ extension: '106', name: 'Gina Green', hotDesking: true }) });
    expect(created.status).toBe(201);
    await rig.server.pbx.hotDesk.extensions.lock('102', new Date(Date.now() + 15 * 60_000));
    const phone = await desk();
    const transcripts: Record<string, unknown> = {};
    const cases = {
      'wrong PIN': ['101', ['000000', '111111', '222222']],
      'unknown extension': ['999', ['000000', '111111', '222222']],
      'hot desking off (its right PIN)': ['104', ['295731', '295731', '295731']],
      'no PIN set': ['106', ['000000', '111111', '222222']],
      'locked (its right PIN)': ['102', ['508377', '508377', '508377']],
    } as const;
    for (const [name, [extension, pins]] of Object.entries(cases)) {
      transcripts[name] = await tryPins(await phone.dial(`*77*${extension}*`), pins);
    }
    const expected = { status: 200, captions: [ENTER_PIN, WRONG_PIN, WRONG_PIN, TOO_MANY], hungUp: true };
    expect(transcripts).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, expected])));
    expect(rig.server.pbx.logins.sessionOf('HD0001')).toBeNull();
    await rig.server.pbx.logins.settled();
    // Only the administrator can tell the cases apart, in the audit log.
    expect(new Set(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.pin-failed'] }).map((event) => event.detail))).toEqual(
      new Set(['wrong PIN', 'no such extension', 'hot desking is not enabled for the extension', 'the extension has no PIN', 'extension locked after too many wrong PINs']),
    );
  });

  it('5 wrong PINs lock the extension (extension.locked on /api/v1/events); the right PIN is refused until the admin unlocks it', async () => {
    const events = await EventStreamClient.open(`${rig.server.origin}/api/v1/events`, ADMIN_AUTH);
    await events.until(() => events.comments.includes('connected'));
    const phone = await desk('HD0002');
    await tryPins(await phone.dial('*77*105*'), ['000000', '111111', '222222']);
    await tryPins(await phone.dial('*77*105*'), ['333333', '444444']);
    await events.until(() => events.events.some((event) => event.event === 'extension.locked'));
    const locked = events.events.find((event) => event.event === 'extension.locked');
    expect(locked?.data).toMatchObject({ type: 'extension.locked', extension: '105', item: { extension: '105', locked: true } });
    expect((await (await fetch(`${rig.server.origin}/api/v1/extensions/105`, { headers: ADMIN })).json()).locked).toBe(true);

    const refused = await tryPins(await phone.dial('*77*105*'), ['836402']);
    expect(refused.captions).toEqual([ENTER_PIN, WRONG_PIN]);
    expect(rig.server.pbx.logins.sessionOf('HD0002')).toBeNull();

    const unlocked = await fetch(`${rig.server.origin}/api/v1/extensions/105`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify({ locked: false }) });
    expect(await unlocked.json()).toMatchObject({ locked: false, lockedUntil: null });
    await phone.logIn('105', '836402');
    expect(phone.user).toBe('105');
    await rig.server.pbx.logins.settled();
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['hotdesk.lockout'] }).map((event) => event.extension)).toEqual(['105']);
    events.close();
  });
});
