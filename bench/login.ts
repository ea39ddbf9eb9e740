/**
 * Hot-desk login and logout as a user sees them, on the real web host (its own process: PBX, IVR, device host) and
 * a real phone page in Chromium:
 *   (a) login: from the `#` that ends the PIN to the display showing the user, with their REGISTER answered 200;
 *   (b) Logout key: from pressing it to the display showing HDXXXX, with its REGISTER answered 200;
 *   (c) admin logout: from the admin's POST /api/v1/devices/HD0001/logout to the page showing HD0001.
 * Each run logs Alice in twice (both logins are samples), keying the PIN at a person's pace, logs out with the key
 * once and by the admin once.
 *
 *   npm run bench:login [-- runs=50]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';
import { startHostProcess } from '../test/e2e/support/hostProcess';
import { clickAt, displayShows, SipWatch } from './login/pageClock';
import { summarisePercentiles } from './support/stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 50);
const ALICE = { extension: '100', pin: '482619', headline: '100 Alice Andrews' };
const DEVICE = { mac: '02:00:00:00:00:01', name: 'HD0001' };
const PIN_PROMPT = 'Enter your PIN, then press #';
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
/**
 * A person keys a PIN at about three keys a second. Keying faster than the phone sends tones (120 ms each, 70 ms
 * apart) would only queue them, and the `#` would wait behind the digits.
 */
const KEY_INTERVAL_MS = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number, got ${process.argv[2]}`);
  ensureRendererBuilt(repoRoot, path.join(repoRoot, 'dist', 'renderer'));
  const host = await startHostProcess(repoRoot, 0);
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  const samples = { login: [] as number[], loginPbx: [] as number[], loginDevice: [] as number[], logout: [] as number[], admin: [] as number[] };
  try {
    const page = await browser.newPage();
    const sip = new SipWatch(page);
    const poolRegistered = sip.registered(DEVICE.name);
    await page.goto(`${host.origin}/?mac=${DEVICE.mac}`);
    await poolRegistered;
    const display = page.getByRole('status', { name: 'Phone display' });

    const logIn = async (): Promise<number> => {
      await page.getByRole('textbox', { name: 'Number' }).fill(`*77*${ALICE.extension}*`);
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await display.getByText(PIN_PROMPT).waitFor({ timeout: 15_000 });
      for (const digit of ALICE.pin) {
        await page.getByRole('button', { name: digit, exact: true }).click();
        await pause(KEY_INTERVAL_MS);
      }
      const shown = displayShows(page, ALICE.headline);
      const registered = sip.registered(ALICE.extension);
      const checkSync = sip.checkSync();
      const pressed = await clickAt(page, '#');
      const done = Math.max(await shown, await registered);
      samples.loginPbx.push((await checkSync) - pressed);
      samples.loginDevice.push(done - (await checkSync));
      await page.getByRole('timer', { name: 'Call duration' }).waitFor({ state: 'detached' });
      return done - pressed;
    };

    for (let run = 1; run <= runs; run++) {
      samples.login.push(await logIn());

      const idle = displayShows(page, DEVICE.name);
      const poolBack = sip.registered(DEVICE.name);
      const pressed = await clickAt(page, 'Logout');
      samples.logout.push(Math.max(await idle, await poolBack) - pressed);

      samples.login.push(await logIn());

      const idleAgain = displayShows(page, DEVICE.name);
      const poolAgain = sip.registered(DEVICE.name);
      const asked = Date.now();
      const response = await fetch(`${host.origin}/api/v1/devices/${DEVICE.name}/logout`, { method: 'POST', headers: ADMIN });
      if (!response.ok) throw new Error(`admin logout answered ${response.status}: ${await response.text()}`);
      samples.admin.push((await idleAgain) - asked);
      await poolAgain; // the next run starts from a registered idle device
      if (run % 10 === 0) console.error(`  ${run}/${runs} runs`);
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  console.log(`hot-desk login and logout, ${runs} runs (web host in its own process, Chromium page, Node ${process.version})`);
  console.log(`(a) # ending the PIN → user shown + REGISTER 200    ${summarisePercentiles(samples.login)}   target p95 < 300 ms`);
  console.log(`      of which # → check-sync NOTIFY (PBX)         ${summarisePercentiles(samples.loginPbx)}`);
  console.log(`      and check-sync → shown + registered (phone)  ${summarisePercentiles(samples.loginDevice)}`);
  console.log(`(b) Logout key → HDXXXX shown + REGISTER 200       ${summarisePercentiles(samples.logout)}   target p95 < 200 ms`);
  console.log(`(c) admin logout request → page shows HDXXXX       ${summarisePercentiles(samples.admin)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
