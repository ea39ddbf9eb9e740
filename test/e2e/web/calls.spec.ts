import { expect, test } from '@playwright/test';
import { AUDIO_FLOWS, openSoftphone, remoteAudioLevel, type Softphone } from '../support/softphone';

// Each test opens its own phones (browser contexts) and closes them, so one test's registrations and calls never
// reach another. Extensions are the demo directory's.
let opened: Softphone[] = [];

test.afterEach(async () => {
  await Promise.all(opened.map((phone) => phone.close()));
  opened = [];
});

test.describe('calls on the embedded PBX', () => {
  test('a demo softphone registers and shows its extension', async ({ browser, baseURL }) => {
    const bob = await openSoftphone(browser, baseURL, '101');
    opened.push(bob);
    await expect(bob.display).toContainText('Registered');
    await expect(bob.display).toContainText('101 Bob Brown');
    // A plain softphone has no hot desking, so no Logout key (Bob has no BLF positions of his own).
    await expect(bob.page.getByRole('group', { name: 'BLF keys' }).getByRole('button', { name: 'Logout' })).toHaveCount(0);
    // No call, no call controls.
    for (const name of ['Answer', 'Decline', 'Hold', 'Mute']) await expect(bob.button(name)).toHaveCount(0);
  });

  test('101 calls 102, 102 answers, audio flows both ways, 101 hangs up', async ({ browser, baseURL }) => {
    const bob = await openSoftphone(browser, baseURL, '101');
    const carol = await openSoftphone(browser, baseURL, '102');
    opened.push(bob, carol);

    await bob.dial('102');
    await expect(carol.button('Answer')).toBeVisible();
    await expect(carol.button('Decline')).toBeVisible();
    await expect(carol.display).toContainText('Incoming call');
    await expect(carol.display).toContainText('101 Bob Brown');
    await expect(bob.display).toContainText('Ringing…');

    await carol.button('Answer').click();
    for (const phone of [bob, carol]) {
      await expect(phone.display.getByRole('timer', { name: 'Call duration' })).toHaveText(/^\d{2}:\d{2}$/);
      await expect(phone.button('Hold')).toBeVisible();
      await expect(phone.button('Mute')).toBeVisible();
      await expect(phone.button('Answer')).toHaveCount(0);
    }
    await expect(bob.display).toContainText('102');
    await expect(carol.display).toContainText('101 Bob Brown');
    // The timer runs.
    await expect(bob.display.getByRole('timer', { name: 'Call duration' })).not.toHaveText('00:00');

    // Each side hears the other's (fake) microphone.
    await expect.poll(() => remoteAudioLevel(bob.page), { timeout: 15_000 }).toBeGreaterThan(AUDIO_FLOWS);
    await expect.poll(() => remoteAudioLevel(carol.page), { timeout: 15_000 }).toBeGreaterThan(AUDIO_FLOWS);

    await bob.button('Hang up').click();
    for (const phone of [bob, carol]) {
      await expect(phone.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
      await expect(phone.button('Hold')).toHaveCount(0);
      await expect(phone.button('Mute')).toHaveCount(0);
    }
    await expect(carol.display).toContainText('Call ended');
    await expect(bob.display).toHaveText(/101 Bob Brown/);
    await expect(bob.display).not.toContainText('102');
  });

  test('102 declines: 101 sees why the call failed', async ({ browser, baseURL }) => {
    const bob = await openSoftphone(browser, baseURL, '101');
    const carol = await openSoftphone(browser, baseURL, '102');
    opened.push(bob, carol);

    await bob.dial('102');
    await carol.button('Decline').click();
    await expect(bob.display).toContainText('Busy');
    await expect(bob.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(carol.button('Answer')).toHaveCount(0);
    await expect(carol.button('Decline')).toHaveCount(0);
    await expect(carol.display).not.toContainText('Incoming call');
  });

  test('hold and mute during a call, and the caller giving up leaves a missed call', async ({ browser, baseURL }) => {
    const bob = await openSoftphone(browser, baseURL, '101');
    const carol = await openSoftphone(browser, baseURL, '102');
    opened.push(bob, carol);

    await bob.dial('102');
    await carol.button('Answer').click();
    await bob.button('Hold').click();
    await expect(bob.button('Resume')).toBeVisible();
    await expect(bob.display).toContainText('On hold');
    await expect(carol.display).toContainText('Held by the other party');
    await bob.button('Resume').click();
    await expect(bob.button('Hold')).toBeVisible();
    await expect(carol.display).not.toContainText('Held by the other party');
    await carol.button('Mute').click();
    await expect(carol.button('Unmute')).toBeVisible();
    await expect(carol.display).toContainText('Muted');
    await carol.button('Unmute').click();
    await expect(carol.button('Mute')).toBeVisible();
    await carol.button('Hang up').click();
    await expect(bob.display).toContainText('Call ended');

    await bob.dial('102');
    await expect(carol.button('Answer')).toBeVisible();
    await bob.button('Hang up').click();
    await expect(carol.display).toContainText('Missed call from 101 Bob Brown');
    await expect(carol.button('Answer')).toHaveCount(0);
  });
});
