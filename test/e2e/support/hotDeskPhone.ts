import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** One hot-desk device's phone page (`/?mac=`), in its own browser context, driven by roles and names only. */
export interface HotDeskPhone {
  readonly page: Page;
  readonly display: Locator;
  readonly number: Locator;
  readonly blfKeys: Locator;
  button(name: string): Locator;
  /** Presses the dialpad keys one by one (during a call each is a DTMF tone). */
  key(digits: string): Promise<void>;
  /** Dials a hot-desk login, waits for the IVR's prompt, keys the PIN and `#`. */
  logIn(extension: string, pin: string): Promise<void>;
  /** The names of the BLF keys on show, in order. */
  keyNames(): Promise<string[]>;
  close(): Promise<void>;
}

export const PIN_PROMPT = 'Enter your PIN, then press #';

export async function openHotDeskPhone(
  browser: Browser,
  baseURL: string,
  mac: string,
  poolName: string,
  beforeLoad: (page: Page) => Promise<void> = async () => undefined,
): Promise<HotDeskPhone> {
  const phone = await openPhonePage(browser, baseURL, `/?mac=${mac}`, beforeLoad);
  await expect(phone.display).toContainText(poolName);
  await expect(phone.display).toContainText('Registered', { timeout: 10_000 });
  return phone;
}

/** A device's phone page (`path` on `baseURL`) in its own browser context, as soon as it has loaded. */
export async function openPhonePage(
  browser: Browser,
  baseURL: string,
  path: string,
  beforeLoad: (page: Page) => Promise<void> = async () => undefined,
): Promise<HotDeskPhone> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await beforeLoad(page);
  await page.goto(path);
  const display = page.getByRole('status', { name: 'Phone display' });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const number = page.getByRole('textbox', { name: 'Number' });
  const blfKeys = page.getByRole('group', { name: 'BLF keys' });
  const phone: HotDeskPhone = {
    page,
    display,
    number,
    blfKeys,
    button,
    async key(digits) {
      for (const digit of digits) await button(digit).click();
    },
    async logIn(extension, pin) {
      await number.fill(`*77*${extension}*`);
      await button('Call').click();
      await expect(display).toContainText(PIN_PROMPT, { timeout: 10_000 });
      await phone.key(`${pin}#`);
    },
    keyNames: () => blfKeys.getByRole('button').evaluateAll((keys) => keys.map((key) => key.getAttribute('aria-label') ?? '')),
    close: () => context.close(),
  };
  return phone;
}
