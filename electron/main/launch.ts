import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWebHost } from '../host/webHostCli';
import { CliError, parseHostCliOptions } from '../host/cliOptions';
import { ensureRendererBuilt } from '../host/rendererBuild';
import { detectElectron } from './electronBinary';
import { chooseKioskBrowser, kioskBrowserArgs } from './kioskBrowser';

// `npm start`, in plain Node: the Electron kiosk where Electron's binary exists, else the browser kiosk, opened in a
// Chromium or Chrome app window where there is one (README, "Quick start"). The same flags work both ways: --port,
// --data-dir, --mode, --host, --pbx; --no-browser serves the browser kiosk without opening it.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);

async function launch(): Promise<void> {
  const options = parseHostCliOptions(argv, process.env); // refuse bad flags before building or spawning anything
  const electron = detectElectron();
  if (!electron.available) {
    const reason = electron.reason.replace(/\.$/, '');
    console.log(`Electron's binary is not installed on this machine (${reason}). Serving the browser kiosk instead:`);
    const origin = await runWebHost(argv);
    if (options.openBrowser) openBrowserKiosk(`${origin}/`, path.join(options.dataDir, 'kiosk-browser'));
    return;
  }
  buildElectronBundles();
  ensureRendererBuilt(REPO_ROOT, path.join(REPO_ROOT, 'dist', 'renderer'));
  // `electron .` runs package.json's "main" (the bundled dist/electron/main.mjs) with the app's name and version.
  const child = spawn(electron.executablePath, ['.', ...argv], { cwd: REPO_ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`hotdesk: could not start Electron (${electron.executablePath}):`, error.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Opens the device page in a Chromium-family app window in kiosk mode, or says why not and where to go instead. */
function openBrowserKiosk(url: string, profileDir: string): void {
  const choice = chooseKioskBrowser({ platform: process.platform, env: process.env, exists: existsSync });
  if (choice.kind === 'none') {
    console.log(`Not opening a browser: ${choice.reason}. Open ${url} (or pass --no-browser to skip this check).`);
    return;
  }
  console.log(`Opening the kiosk in ${choice.executable} (app window, kiosk mode; --no-browser to skip): ${url}`);
  const browser = spawn(choice.executable, kioskBrowserArgs(url, profileDir), { stdio: 'ignore' });
  const closeBrowser = () => browser.kill();
  process.once('exit', closeBrowser);
  browser.on('error', (error) => console.error(`hotdesk: could not start ${choice.executable} (${error.message}); open ${url}`));
  browser.on('exit', (code) => {
    process.off('exit', closeBrowser);
    if (code !== 0 && code !== null) console.error(`hotdesk: the browser exited with code ${code}; the kiosk is still served at ${url}`);
  });
}

function buildElectronBundles(): void {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('Building the Electron bundles failed (see the output above)');
}

launch().catch((error: unknown) => {
  if (error instanceof CliError) console.error(`hotdesk: ${error.message}`);
  else console.error('hotdesk: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
