import { expect, test } from '@playwright/test';
import { AUDIO_FLOWS, openSoftphone, remoteAudioLevel, type Softphone } from '../support/softphone';

// Transfer and call waiting between three softphones of the shared demo host: Frank (105) only places calls, Erin
// (104) and Dan (103) receive them — extensions no other spec calls or watches, so specs running beside this one
// never ring these phones. No PBX state changes. Each test opens its own phones and closes them.
let opened: Softphone[] = [];

test.afterEach(async () => {
  await Promise.all(opened.map((phone) => phone.close()));
  opened = [];
});

async function threePhones(browser: Parameters<typeof openSoftphone>[0], baseURL: string | undefined) {
  const phones = await Promise.all(['105', '104', '103'].map((extension) => openSoftphone(browser, baseURL, extension)));
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
  test('blind transfer: Frank sends Erin to Dan, who answers and hears her', async ({ browser, baseURL }) => {
    const [frank, erin, dan] = await threePhones(browser, baseURL);
    await connect(frank, erin, '104');

    await frank.button('Transfer').click();
    await expect(frank.number).toBeEditable();
    await frank.number.fill('103');
    await frank.button('Transfer now').click();

    await expect(dan.display).toContainText('Incoming call');
    await expect(dan.display).toContainText('104 Erin Evans');
    await expect(frank.display).toContainText('Transferring to 103');
    await dan.button('Answer').click();

    await expect(frank.display).toContainText('Transferred to 103');
    await expect(frank.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(erin.display).toContainText('103');
    await expect(erin.display).toContainText('Connected');
    await expect(erin.page.getByRole('region', { name: 'Held call' })).toHaveCount(0);
    await expectAudioBothWays(erin, dan);
  });

  test('attended transfer: Frank calls Dan first, cancels back to Erin, calls Dan again and completes', async ({ browser, baseURL }) => {
    const [frank, erin, dan] = await threePhones(browser, baseURL);
    await connect(frank, erin, '104');

    await frank.button('Transfer').click();
    await frank.number.fill('103');
    await frank.button('Call first').click();
    await expect(erin.display).toContainText('Held by the other party');
    await dan.button('Answer').click();
    await expect(frank.display).toContainText('103');
    await expect(frank.button('Swap to 104')).toBeVisible();
    await frank.button('Cancel transfer').click();
    await expect(dan.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(frank.display).toContainText('104');
    await expect(frank.display).toContainText('Connected');
    await expect(erin.display).not.toContainText('Held by the other party');

    await frank.button('Transfer').click();
    await frank.number.fill('103');
    await frank.button('Call first').click();
    await dan.button('Answer').click();
    await frank.button('Complete transfer').click();

    await expect(frank.display).toContainText('Transferred to 103');
    await expect(frank.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(dan.display).toContainText('104 Erin Evans');
    await expect(erin.display).toContainText('103');
    await expect(erin.display).not.toContainText('Held by the other party');
    await expectAudioBothWays(erin, dan);
  });

  test('call waiting: Erin answers Dan (Frank waits on hold), swaps back, and declines Dan’s next call', async ({ browser, baseURL }) => {
    const [frank, erin, dan] = await threePhones(browser, baseURL);
    await connect(frank, erin, '104');

    await dan.dial('104');
    const waiting = erin.page.getByRole('region', { name: 'Waiting call' });
    await expect(waiting).toContainText('103 Dan Diaz is calling');
    await expect(erin.display).toContainText('105 Frank Foster');
    await waiting.getByRole('button', { name: 'Answer', exact: true }).click();

    await expect(frank.display).toContainText('Held by the other party');
    await expect(erin.display).toContainText('103 Dan Diaz');
    await expect(dan.display.getByRole('timer', { name: 'Call duration' })).toBeVisible();
    await erin.button('Swap to 105 Frank Foster').click();
    await expect(erin.display).toContainText('105 Frank Foster');
    await expect(frank.display).not.toContainText('Held by the other party');
    await expect(dan.display).toContainText('Held by the other party');
    await expectAudioBothWays(frank, erin);

    await dan.button('Hang up').click();
    await expect(erin.button('Swap to 103 Dan Diaz')).toHaveCount(0);
    await dan.dial('104');
    await expect(waiting).toContainText('103 Dan Diaz is calling');
    await waiting.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect(dan.display).toContainText('Busy');
    await expect(waiting).toHaveCount(0);
    await expect(erin.display).toContainText('105 Frank Foster');
    await expect(erin.button('Hold')).toBeVisible();
  });
});
