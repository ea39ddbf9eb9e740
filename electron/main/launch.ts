import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWebHost } from '../host/webHostCli';
import { CliError, parseHostCliOptions } from '../host/cliOptions';
import { ensureRendererBuilt } from '../host/rendererBuild';
import { detectElectron } from './electronBinary';

// `npm start`, run by tsx in plain Node: the Electron kiosk where Electron's binary exists, else the browser kiosk
// (README, "Quick start"). The same flags work both ways: --port, --data-dir, --mode, --host.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);

async function launch(): Promise<void> {
  parseHostCliOptions(argv, process.env); // refuse bad flags before building or spawning anything
  const electron = detectElectron();
  if (!electron.available) {
    const reason = electron.reason.replace(/\.$/, '');
    console.log(`Electron's binary is not installed on this machine (${reason}). Serving the browser kiosk instead:`);
    await runWebHost(argv);
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

function buildElectronBundles(): void {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('Building the Electron bundles failed (see the output above)');
}

launch().catch((error: unknown) => {
  if (error instanceof CliError) console.error(`hotdesk: ${error.message}`);
  else console.error('hotdesk: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
