// Cold start of the web host to a painted idle screen: from spawning the host process to the Phone display
// showing HD0001 in Chromium. Run: npm run bench:cold-start [-- runs]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { startHostProcess } from '../test/e2e/support/hostProcess';
import { summarise } from './support/stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);

async function main(): Promise<void> {
  ensureRendererBuilt(repoRoot, path.join(repoRoot, 'dist', 'renderer'));
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  const samples = { first: { listening: [] as number[], painted: [] as number[] }, restart: { listening: [] as number[], painted: [] as number[] } };
  try {
    for (let run = 0; run < runs; run++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-'));
      // The first start seeds the demo directory (scrypt-hashed PINs); a restart finds its data.
      for (const kind of ['first', 'restart'] as const) {
        const started = performance.now();
        const host = await startHostProcess(repoRoot, 5300 + run, dataDir);
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
  console.log(`web host cold start, ${runs} runs each (browser already running)`);
  for (const kind of ['first', 'restart'] as const) {
    console.log(`  ${kind === 'first' ? 'first start (new data dir)' : 'restart (existing data)  '}: process start → listening ${summarise(samples[kind].listening)}`);
    console.log(`                              process start → idle screen shown ${summarise(samples[kind].painted)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
