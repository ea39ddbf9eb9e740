// Makes the README's screenshots of the phone screen in Chromium: npm run screenshot
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startDeviceServices } from '../electron/host/services';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';

async function main(): Promise<void> {
  ensureRendererBuilt(REPO_ROOT, DEFAULT_RENDERER_DIR);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-shot-'));
  const services = await startDeviceServices({ dataDir, hostKind: 'web', mode: 'demo', port: 0 });
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
      await page.goto(`${services.origin}/`);
      await page.getByRole('status', { name: 'Phone display' }).getByText('HD0001').waitFor();
      await page.getByRole('textbox', { name: 'Number' }).fill('*77*100*');
      const file = path.join(REPO_ROOT, 'docs', `phone-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
