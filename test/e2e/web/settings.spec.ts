import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { startPbxProcess, type PbxProcess } from '../../../bench/register/pbxProcess';
import { startHostProcess, type HostProcess } from '../support/hostProcess';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const DEMO_ADMIN_PIN = '0000';

/**
 * The settings change the host's own device (its SIP account, kiosk mode, the admin PIN's lockout): these tests run
 * against a web host of their own, and a second PBX in its own process stands for "another PBX" of external mode.
 */
const test = base.extend<object, { host: HostProcess; otherPbx: PbxProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startHostProcess(REPO_ROOT, 0);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  otherPbx: [
    // eslint-disable-next-line no-empty-pattern -- as above
    async ({}, use) => {
      const pbx = await startPbxProcess(REPO_ROOT, { entry: 'cli', dataDir: mkdtempSync(path.join(tmpdir(), 'hotdesk-other-pbx-')) });
      await use(pbx);
      await pbx.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ host }, use) => use(host.origin),
});

/** Every bridge frame the page receives, for checking that no secret ever comes back. */
function recordBridge(page: Page): { received: string[]; sent: string[] } {
  const frames = { received: [] as string[], sent: [] as string[] };
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/bridge')) return;
    socket.on('framereceived', (frame) => frames.received.push(String(frame.payload)));
    socket.on('framesent', (frame) => frames.sent.push(String(frame.payload)));
  });
  return frames;
}

/** The results of requests other than `phone.account` (the one documented exception: JsSIP needs the password). */
function answersBesidesPhoneAccount(frames: { received: string[]; sent: string[] }): string[] {
  const phoneAccountIds = new Set(
    frames.sent.map((text) => JSON.parse(text) as { id: number; name: string }).filter((request) => request.name === 'phone.account').map((request) => request.id),
  );
  return frames.received.filter((text) => {
    const message = JSON.parse(text) as { type: string; id?: number };
    return !(message.type === 'result' && phoneAccountIds.has(message.id ?? -1));
  });
}

test.describe.configure({ mode: 'serial' });

test.describe('the settings screen', () => {
  test('audio devices from the fake devices with a live microphone level; an external account saved behind the admin PIN, registered at another PBX, its password never shown', async ({
    page,
    request,
    otherPbx,
  }) => {
    // The other PBX gets an extension the host's own PBX does not have: registering as it proves where the phone went.
    const created = await request.post(`${otherPbx.wsUrl.replace(/^ws/, 'http').replace(/\/sip$/, '')}/api/v1/extensions`, {
      headers: ADMIN,
      data: { extension: '7001', name: 'Erin External' },
    });
    expect(created.status()).toBe(201);
    const { sipPassword } = (await created.json()) as { sipPassword: string };
    const frames = recordBridge(page);
    await page.goto('/');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Registered', { timeout: 10_000 });

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    // Chromium's fake devices, named once the level meter has been given the microphone.
    const microphone = settings.getByRole('combobox', { name: 'Microphone' });
    await expect(microphone.getByRole('option')).toContainText(['System default', 'Fake Default Audio Input', 'Fake Audio Input 1', 'Fake Audio Input 2']);
    await expect(settings.getByRole('combobox', { name: 'Speaker' }).getByRole('option')).toContainText(['System default', 'Fake Default Audio Output', 'Fake Audio Output 1']);
    await expect(settings.getByRole('combobox', { name: 'Ringer' }).getByRole('option')).toContainText(['Same as the speaker', 'Fake Default Audio Output', 'Fake Audio Output 1']);
    await expect.poll(() => settings.getByRole('meter', { name: 'Microphone level' }).evaluate((meter: HTMLMeterElement) => meter.value), { timeout: 10_000 }).toBeGreaterThan(0.05);
    await microphone.selectOption({ label: 'Fake Audio Input 1' });
    await settings.getByRole('combobox', { name: 'Ringer' }).selectOption({ label: 'Fake Audio Output 1' });
    await settings.getByRole('button', { name: 'Play test tone' }).click();
    await expect(settings.getByRole('button', { name: 'Play test tone' })).toBeEnabled();
    // Display settings apply at once too: a 12-hour clock in German.
    await settings.getByRole('combobox', { name: 'Time format' }).selectOption('12h');
    await settings.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');

    // The phone service needs the admin PIN; a wrong one is refused next to the field.
    const pin = settings.getByRole('textbox', { name: 'Admin PIN', exact: true });
    await pin.fill('1111');
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await expect(settings.getByRole('alert')).toHaveText('Wrong admin PIN');
    await pin.fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();

    const account = settings.getByRole('form', { name: 'SIP account' });
    await account.getByLabel('WebSocket URL').fill('https://pbx.example.com/ws');
    await account.getByLabel('SIP URI').fill('7001@hotdesk.local');
    await account.getByRole('button', { name: 'Save SIP account' }).click();
    await expect(account.getByLabel('WebSocket URL')).toHaveAccessibleDescription('must be a ws:// or wss:// URL');
    await expect(account.getByLabel('SIP URI')).toHaveAccessibleDescription('must be a SIP URI like sip:101@example.com');
    await expect(account.getByLabel('Auth user')).toHaveAccessibleDescription('must not be empty');

    await account.getByLabel('WebSocket URL').fill(otherPbx.wsUrl);
    await account.getByLabel('SIP URI').fill('sip:7001@hotdesk.local');
    await account.getByLabel('Auth user').fill('7001');
    await account.getByLabel('Display name').fill('Erin External');
    // A new account without its password is refused by the host, named at the password.
    await account.getByRole('button', { name: 'Save SIP account' }).click();
    await expect(account.getByLabel('Password')).toHaveAccessibleDescription('a new or changed SIP account needs its password');
    await account.getByLabel('Password').fill(sipPassword);
    await account.getByRole('button', { name: 'Save SIP account' }).click();

    // The page may reach a new PBX only once the host serves it again with that origin in its CSP: it reloads once.
    await expect(display).toContainText('Erin External', { timeout: 15_000 });
    await expect(display.locator('time')).toHaveText(/^\d{1,2}:\d{2}\s?(AM|PM)$/);
    await expect(display).toContainText('Registered', { timeout: 15_000 });

    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('textbox', { name: 'Admin PIN', exact: true }).fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await expect(account.getByLabel('SIP URI')).toHaveValue('sip:7001@hotdesk.local');
    await expect(account.getByLabel('Password')).toHaveValue('');
    await expect(account.getByLabel('Password')).toHaveAttribute('placeholder', 'saved');
    await expect(settings.getByRole('combobox', { name: 'Microphone' })).toHaveValue(/.+/);

    expect(frames.received.some((text) => text.includes('"hasPassword":true'))).toBe(true);
    expect(answersBesidesPhoneAccount(frames).filter((text) => text.includes(sipPassword))).toEqual([]);

    // Back to the device's own identity on this host's PBX, which the page may reach already: no reload needed.
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await settings.getByRole('button', { name: 'Remove SIP account' }).click();
    await expect(settings.getByText('Saved')).toBeVisible();
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await expect(display).toContainText('HD0001');
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
  });

  test('kiosk mode: the settings open only after the admin PIN and close when left alone, browser shortcuts, context menu, zoom and selection are blocked, Leave kiosk mode takes the PIN, a new PIN replaces it; five wrong PINs lock the settings', async ({
    page,
  }) => {
    // Every key, context menu and wheel event, as seen before the page's own handlers: was its default prevented?
    await page.addInitScript(() => {
      const seen: Array<{ type: string; key: string; ctrl: boolean; event: Event }> = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      for (const type of ['keydown', 'contextmenu', 'wheel']) {
        window.addEventListener(type, (event) => seen.push({ type, key: (event as KeyboardEvent).key ?? '', ctrl: (event as KeyboardEvent).ctrlKey, event }), { capture: true });
      }
    });
    const prevented = () =>
      page.evaluate(() =>
        (window as unknown as { seen: Array<{ type: string; key: string; ctrl: boolean; event: Event }> }).seen
          .filter((entry) => !['Control', 'Shift', 'Alt'].includes(entry.key))
          .map((entry) => `${entry.type}:${entry.ctrl ? 'Ctrl+' : ''}${entry.key}:${entry.event.defaultPrevented ? 'blocked' : 'allowed'}`),
      );
    // A clock the test can move on: time flows as usual until it skips the settings' two idle minutes.
    await page.clock.install();
    await page.goto('/');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('textbox', { name: 'Admin PIN', exact: true }).fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await settings.getByRole('button', { name: 'Enter kiosk mode' }).click();
    await expect(settings.getByRole('button', { name: 'Leave kiosk mode' })).toBeVisible();
    await settings.getByRole('button', { name: 'Close settings' }).click();

    await expect(page.locator('html')).toHaveAttribute('data-kiosk', '');
    await page.evaluate(() => ((window as unknown as { seen: unknown[] }).seen.length = 0));
    for (const key of ['F5', 'Control+r', 'Control+Shift+I', 'Alt+ArrowLeft', 'F12', 'Control+=', 'Control+-', 'Control+p']) await page.keyboard.press(key);
    await display.click({ button: 'right' });
    await page.mouse.move(400, 400);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    expect(await prevented()).toEqual([
      'keydown:F5:blocked',
      'keydown:Ctrl+r:blocked',
      'keydown:Ctrl+I:blocked',
      'keydown:ArrowLeft:blocked',
      'keydown:F12:blocked',
      'keydown:Ctrl+=:blocked',
      'keydown:Ctrl+-:blocked',
      'keydown:Ctrl+p:blocked',
      'contextmenu::blocked',
      'wheel:Ctrl+:blocked',
    ]);
    // The phone still takes its digits; nothing but a field's text can be selected.
    await page.keyboard.press('5');
    await expect(page.getByRole('textbox', { name: 'Number' })).toHaveValue('5');
    expect(await display.evaluate((element) => getComputedStyle(element).userSelect)).toBe('none');
    expect(await page.getByRole('textbox', { name: 'Number' }).evaluate((element) => getComputedStyle(element).userSelect)).toBe('text');

    // In kiosk mode the gear shows nothing of the settings before the admin PIN.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(settings.getByRole('combobox')).toHaveCount(0);
    await expect(settings.getByRole('button', { name: 'Leave kiosk mode' })).toHaveCount(0);
    const pin = settings.getByRole('textbox', { name: 'Admin PIN', exact: true });
    await pin.fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();
    // Left alone for two minutes, the unlocked settings close; opening them again asks for the PIN again.
    await expect(settings.getByRole('button', { name: 'Leave kiosk mode' })).toBeVisible();
    await page.clock.fastForward('02:01');
    await expect(settings).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(settings.getByRole('button', { name: 'Leave kiosk mode' })).toHaveCount(0);
    await pin.fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await settings.getByRole('button', { name: 'Leave kiosk mode' }).click();
    await expect(settings.getByRole('button', { name: 'Enter kiosk mode' })).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-kiosk');
    // A new admin PIN, typed twice: a mismatch and a too-short one are refused at their fields.
    const newPin = settings.getByRole('textbox', { name: 'New admin PIN', exact: true });
    const again = settings.getByRole('textbox', { name: 'New admin PIN again' });
    await newPin.fill('24');
    await again.fill('24');
    await settings.getByRole('button', { name: 'Change admin PIN' }).click();
    await expect(newPin).toHaveAccessibleDescription(/must be 4 to 12 digits/);
    await newPin.fill('2468');
    await again.fill('2469');
    await settings.getByRole('button', { name: 'Change admin PIN' }).click();
    await expect(again).toHaveAccessibleDescription('The two PINs differ');
    await again.fill('2468');
    await settings.getByRole('button', { name: 'Change admin PIN' }).click();
    await expect(settings.getByRole('form', { name: 'Change the admin PIN' }).getByRole('status')).toHaveText('Saved');
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await pin.fill(DEMO_ADMIN_PIN);
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await expect(settings.getByRole('alert')).toHaveText('Wrong admin PIN');
    await pin.fill('2468');
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await expect(settings.getByRole('button', { name: 'Enter kiosk mode' })).toBeVisible();
    await settings.getByRole('button', { name: 'Close settings' }).click();

    // Five wrong PINs lock the settings, even against the right one (for 5 minutes: the host counts, and keeps the count on disk).
    await page.getByRole('button', { name: 'Settings' }).click();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await pin.fill('9999');
      await settings.getByRole('button', { name: 'Unlock' }).click();
      await expect(settings.getByRole('alert')).toHaveText('Wrong admin PIN');
      await expect(pin).toHaveValue('');
    }
    await pin.fill('2468');
    await settings.getByRole('button', { name: 'Unlock' }).click();
    await expect(settings.getByRole('alert')).toHaveText('Too many wrong admin PINs; try again in 5 min');
  });
});
