// The Electron kiosk itself, driven by Playwright's _electron. It needs Electron's binary; where that is missing
// (the build machines: no GitHub), every test here is reported as skipped with the detection's reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ensureRendererBuilt } from '../../../electron/host/rendererBuild';
import { detectElectron } from '../../../electron/main/electronBinary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const detection = detectElectron();

test.describe('Electron kiosk', () => {
  test.skip(!detection.available, detection.available ? '' : `Electron's binary is not installed: ${detection.reason}`);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!detection.available) return;
    const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
    expect(build.status, 'scripts/build-electron.mjs failed').toBe(0);
    ensureRendererBuilt(root, path.join(root, 'dist', 'renderer'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-electron-e2e-'));
    app = await electron.launch({
      executablePath: detection.executablePath,
      cwd: root,
      // `.` runs package.json "main" (dist/electron/main.mjs); port 0 keeps clear of the web host project's server.
      args: [
        '.',
        '--mode',
        'demo',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows the hot-desk phone screen of HD0001 from the local web host', async () => {
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('HD0001');
    expect(new URL(page.url()).origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('exposes exactly invoke and onEvent on window.hotdesk, and no Node', async () => {
    const exposed = await page.evaluate(() => {
      const api = (window as unknown as { hotdesk?: object }).hotdesk;
      return {
        keys: api ? Object.keys(api).sort() : null,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      };
    });
    expect(exposed).toEqual({ keys: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined' });
  });

  test('answers bridge requests over IPC and refuses unknown ones', async () => {
    const answers = await page.evaluate(async () => {
      const api = (window as unknown as { hotdesk: { invoke(name: string, ...args: unknown[]): Promise<unknown> } }).hotdesk;
      const info = await api.invoke('app.info');
      const unknown = await api.invoke('device.reboot').then(
        () => null,
        (reason: unknown) => reason,
      );
      return { info, unknown };
    });
    // The preload hands over the main process's envelope; renderer/src/bridge/electronBridge.ts unwraps it.
    expect(answers.info).toMatchObject({ ok: true, result: { host: 'electron', mode: 'demo' } });
    expect(answers.unknown).toMatchObject({ code: 'unknown-request' });
  });

  test('stays on its origin: navigation elsewhere and new windows are refused', async () => {
    const origin = new URL(page.url()).origin;
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('HD0001');
    expect(new URL(page.url()).origin).toBe(origin);
    expect(app.windows()).toHaveLength(1);
  });
});
