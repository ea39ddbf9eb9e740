// Cold start of the web host to a painted idle screen: from spawning the host process to the Phone display
// showing HD0001 in Chromium, for the production start (the compiled dist/host/cli.mjs, built first) and — with
// `--source` — for the TypeScript sources through tsx. Run: npm run bench:cold-start [-- runs] [--source]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { startHostProcess } from '../test/e2e/support/hostProcess';
import { summarise } from './support/stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const entry = args.includes('--source') ? 'source' : 'built';

async function main(): Promise<void> {
  ensureRendererBuilt(repoRoot, path.join(repoRoot, 'dist', 'renderer'));
  if (entry === 'built' && spawnSync(process.execPath, ['scripts/build-host.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
    throw new Error('Building the host failed');
  }
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  const samples = { first: { listening: [] as number[], painted: [] as number[] }, restart: { listening: [] as number[], painted: [] as number[] } };
  try {
    for (let run = 0; run < runs; run++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-'));
      // The restart comes back on the same port, where the PBX's provisioning URLs in its data point.
      const port = await freePort();
      // The first start seeds the demo directory (scrypt-hashed PINs); a restart finds its data.
      for (const kind of ['first', 'restart'] as const) {
        const started = performance.now();
        const host = await startHostProcess(repoRoot, port, dataDir, { entry });
        samples[kind].listening.push(performance.now() - started);
        const page = await browser.newPage();
        await page.goto(`${host.origin}/`);
        await page.getByRole('status', { name: 'Phone display' }).getByText('HD0001').waitFor();
        samples[kind].painted.push(performance.now() - started);
        await page.close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`web host cold start (${entry === 'built' ? 'compiled dist/host/cli.mjs' : 'sources through tsx'}), ${runs} runs each (browser already running)`);
  for (const kind of ['first', 'restart'] as const) {
    console.log(`  ${kind === 'first' ? 'first start (new data dir)' : 'restart (existing data)  '}: process start → listening ${summarise(samples[kind].listening)}`);
    console.log(`                              process start → idle screen shown ${summarise(samples[kind].painted)}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
