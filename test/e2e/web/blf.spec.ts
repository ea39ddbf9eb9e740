import { test as base, expect, type Locator } from '@playwright/test';
import type { HostProcess } from '../support/hostProcess';
import { ownHost } from '../support/ownHost';
import { openSoftphone, type Softphone } from '../support/softphone';

// Its own host: the lamps watch 101 and 102, which other specs on the shared host call too.
const test = base.extend<object, { host: HostProcess }>({
  host: ownHost,
  baseURL: async ({ host }, use) => use(host.origin),
});

// Alice (100) as a plain softphone: her demo keys are Bob Brown (101), Carol Chen (102), Reception (speed dial 0)
// and Dan Diaz (103). Each test opens its own phones and closes them.
let opened: Softphone[] = [];

test.afterEach(async () => {
  await Promise.all(opened.map((phone) => phone.close()));
  opened = [];
});

async function phones<const Extensions extends readonly string[]>(
  browser: Parameters<typeof openSoftphone>[0],
  baseURL: string | undefined,
  ...extensions: Extensions
): Promise<{ [Index in keyof Extensions]: Softphone }> {
  const list: Softphone[] = [];
  for (const extension of extensions) list.push(await openSoftphone(browser, baseURL, extension));
  opened.push(...list);
  return list as { [Index in keyof Extensions]: Softphone };
}

function key(alice: Softphone, name: string): Locator {
  return alice.page.getByRole('group', { name: 'BLF keys' }).getByRole('button', { name, exact: true });
}

async function expectState(blfKey: Locator, state: string, description: string): Promise<void> {
  await expect(blfKey).toHaveAttribute('data-state', state);
  await expect(blfKey).toHaveAccessibleDescription(description);
}

test.describe('BLF keys that live', () => {
  test('a softphone shows its keys without Logout; lamps follow a call: ringing, busy, idle; offline without registration', async ({ browser, baseURL }) => {
    const [alice, bob, carol] = await phones(browser, baseURL, '100', '101', '102');
    const keys = alice.page.getByRole('group', { name: 'BLF keys' }).getByRole('button');
    await expect(keys).toHaveText([/Bob Brown/, /Carol Chen/, /Reception/, /Dan Diaz/]);
    await expect(key(alice, 'Logout')).toHaveCount(0);
    const carolKey = key(alice, 'Carol Chen');
    await expectState(carolKey, 'idle', 'Available');
    await expectState(key(alice, 'Dan Diaz'), 'offline', 'Offline');

    await bob.dial('102');
    await expect(carol.button('Answer')).toBeVisible();
    await expectState(carolKey, 'ringing', 'Ringing');
    await carol.button('Answer').click();
    await expectState(carolKey, 'busy', 'Busy');
    await expectState(key(alice, 'Bob Brown'), 'busy', 'Busy');
    await bob.button('Hang up').click();
    await expectState(carolKey, 'idle', 'Available');
    await expectState(key(alice, 'Bob Brown'), 'idle', 'Available');
  });

  test('pressing an idle key calls the extension', async ({ browser, baseURL }) => {
    const [alice, bob] = await phones(browser, baseURL, '100', '101');
    await expectState(key(alice, 'Bob Brown'), 'idle', 'Available');
    await key(alice, 'Bob Brown').click();
    await expect(bob.button('Answer')).toBeVisible();
    await expect(bob.display).toContainText('100 Alice Andrews');
    await expectState(key(alice, 'Bob Brown'), 'ringing', 'Ringing');
    await bob.button('Decline').click();
    await expectState(key(alice, 'Bob Brown'), 'idle', 'Available');
  });

  test('pressing a ringing key picks the call up', async ({ browser, baseURL }) => {
    const [alice, bob, carol] = await phones(browser, baseURL, '100', '101', '102');
    const carolKey = key(alice, 'Carol Chen');
    await expectState(carolKey, 'idle', 'Available');
    await bob.dial('102');
    await expect(carol.button('Answer')).toBeVisible();
    await expectState(carolKey, 'ringing', 'Ringing');

    await carolKey.click();
    for (const phone of [alice, bob]) await expect(phone.display.getByRole('timer', { name: 'Call duration' })).toHaveText(/^\d{2}:\d{2}$/);
    await expect(alice.display).toContainText('101 Bob Brown');
    await expect(carol.button('Answer')).toHaveCount(0);
    await expectState(carolKey, 'idle', 'Available');
    await bob.button('Hang up').click();
    await expect(alice.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
  });
});
