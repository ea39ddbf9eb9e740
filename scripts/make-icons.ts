// Renders assets/icon.svg to the PNG icons electron-builder and the window use:
//   assets/icons/512x512.png, assets/icons/256x256.png (Linux icon set), assets/icon.png (512; macOS/Windows source).
// Run after editing the SVG: npx tsx scripts/make-icons.ts   (the PNGs are committed)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svgPath = path.join(root, 'assets', 'icon.svg');
const outputs: { size: number; file: string }[] = [
  { size: 512, file: 'assets/icons/512x512.png' },
  { size: 256, file: 'assets/icons/256x256.png' },
  { size: 512, file: 'assets/icon.png' },
];

async function main(): Promise<void> {
  const svg = readFileSync(svgPath, 'utf8');
  const browser = await chromium.launch({
    // The system Chromium where there is one (Playwright's download does not work on the build machines).
    ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    for (const { size, file } of outputs) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img id="icon" alt="" src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const target = path.join(root, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, png);
      console.log(`${file}: ${size}x${size}, ${png.length} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error('make-icons failed:', error);
  process.exit(1);
});
