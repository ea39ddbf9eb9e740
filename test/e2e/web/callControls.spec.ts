import { expect, test } from '@playwright/test';
import { AUDIO_FLOWS, openSoftphone, remoteAudioLevel, type Softphone } from '../support/softphone';

// Transfer and call waiting between three softphones of the shared demo host (/?account=101…103: Bob, Carol, Dan).
// No PBX state changes. Each test opens its own phones and closes them.
let opened: Softphone[] = [];

test.afterEach(async () => {
  await Promise.all(opened.map((phone) => phone.close()));
  opened = [];
});

async function threePhones(browser: Parameters<typeof openSoftphone>[0], baseURL: string | undefined) {
  const phones = await Promise.all(['101', '102', '103'].map((extension) => openSoftphone(browser, baseURL, extension)));
  opened.push(...phones);
  return phones as [Softphone, Softphone, Softphone];
}

/** `caller` calls `callee`'s number and `callee` answers; both show the running call. */
async function connect(caller: Softphone, callee: Softphone, number: string) {
  await caller.dial(number);
  await callee.button('Answer').click();
  for (const phone of [caller, callee]) await expect(phone.display.getByRole('timer', { name: 'Call duration' })).toBeVisible();
}

async function expectAudioBothWays(a: Softphone, b: Softphone) {
  await expect.poll(() => remoteAudioLevel(a.page), { timeout: 15_000 }).toBeGreaterThan(AUDIO_FLOWS);
  await expect.poll(() => remoteAudioLevel(b.page), { timeout: 15_000 }).toBeGreaterThan(AUDIO_FLOWS);
}

test.describe('call controls of a desk phone', () => {
  test('blind transfer: Bob sends Carol to Dan, who answers and hears her', async ({ browser, baseURL }) => {
    const [bob, carol, dan] = await threePhones(browser, baseURL);
    await connect(bob, carol, '102');

    await bob.button('Transfer').click();
    await expect(bob.number).toBeEditable();
    await bob.number.fill('103');
    await bob.button('Transfer now').click();

    await expect(dan.display).toContainText('Incoming call');
    await expect(dan.display).toContainText('102 Carol Chen');
    await expect(bob.display).toContainText('Transferring to 103');
    await dan.button('Answer').click();

    await expect(bob.display).toContainText('Transferred to 103');
    await expect(bob.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(carol.display).toContainText('103');
    await expect(carol.display).toContainText('Connected');
    await expect(carol.page.getByRole('region', { name: 'Held call' })).toHaveCount(0);
    await expectAudioBothWays(carol, dan);
  });

  test('attended transfer: Bob calls Dan first, cancels back to Carol, calls Dan again and completes', async ({ browser, baseURL }) => {
    const [bob, carol, dan] = await threePhones(browser, baseURL);
    await connect(bob, carol, '102');

    await bob.button('Transfer').click();
    await bob.number.fill('103');
    await bob.button('Call first').click();
    await expect(carol.display).toContainText('Held by the other party');
    await dan.button('Answer').click();
    await expect(bob.display).toContainText('103');
    await expect(bob.button('Swap to 102')).toBeVisible();
    await bob.button('Cancel transfer').click();
    await expect(dan.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(bob.display).toContainText('102');
    await expect(bob.display).toContainText('Connected');
    await expect(carol.display).not.toContainText('Held by the other party');

    await bob.button('Transfer').click();
    await bob.number.fill('103');
    await bob.button('Call first').click();
    await dan.button('Answer').click();
    await bob.button('Complete transfer').click();

    await expect(bob.display).toContainText('Transferred to 103');
    await expect(bob.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(dan.display).toContainText('102 Carol Chen');
    await expect(carol.display).toContainText('103');
    await expect(carol.display).not.toContainText('Held by the other party');
    await expectAudioBothWays(carol, dan);
  });

  test('call waiting: Carol answers Dan (Bob waits on hold), swaps back, and declines Dan’s next call', async ({ browser, baseURL }) => {
    const [bob, carol, dan] = await threePhones(browser, baseURL);
    await connect(bob, carol, '102');

    await dan.dial('102');
    const waiting = carol.page.getByRole('region', { name: 'Waiting call' });
    await expect(waiting).toContainText('103 Dan Diaz is calling');
    await expect(carol.display).toContainText('101 Bob Brown');
    await waiting.getByRole('button', { name: 'Answer', exact: true }).click();

    await expect(bob.display).toContainText('Held by the other party');
    await expect(carol.display).toContainText('103 Dan Diaz');
    await expect(dan.display.getByRole('timer', { name: 'Call duration' })).toBeVisible();
    await carol.button('Swap to 101 Bob Brown').click();
    await expect(carol.display).toContainText('101 Bob Brown');
    await expect(bob.display).not.toContainText('Held by the other party');
    await expect(dan.display).toContainText('Held by the other party');
    await expectAudioBothWays(bob, carol);

    await dan.button('Hang up').click();
    await expect(carol.button('Swap to 103 Dan Diaz')).toHaveCount(0);
    await dan.dial('102');
    await expect(waiting).toContainText('103 Dan Diaz is calling');
    await waiting.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect(dan.display).toContainText('Busy Here');
    await expect(waiting).toHaveCount(0);
    await expect(carol.display).toContainText('101 Bob Brown');
    await expect(carol.button('Hold')).toBeVisible();
  });
});
