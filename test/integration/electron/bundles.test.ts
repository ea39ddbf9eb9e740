// The Electron binary cannot run on the build machines, so this runs the *bundled* main process in plain Node with a
// fake `electron` module (fixtures/), and the bundled preload in a bare VM context the way a sandboxed preload runs:
// it catches what only shows in the bundles (dynamic require in ESM, import.meta, missing externals, a preload that
// requires more than `electron`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'test', 'integration', 'electron', 'fixtures');
let workDir: string;
let outDir: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bundles-'));
  outDir = path.join(workDir, 'electron');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--out-dir', outDir], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runMain(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', path.join(fixtures, 'register.mjs'), path.join(outDir, 'main.mjs'), ...args], {
      cwd: workDir,
      env: { ...process.env, FAKE_ELECTRON_USER_DATA: path.join(workDir, 'user-data'), FAKE_ELECTRON_APP_PATH: workDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the bundled Electron main process (dist/electron/main.mjs)', () => {
  it('starts the device services, opens the hardened window on their origin, bridges IPC and stops on quit', async () => {
    const dataDir = path.join(workDir, 'data');
    const run = await runMain(['--remote-debugging-port=0', '--mode', 'demo', '--port', '0', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((text) => text.startsWith('FAKE_ELECTRON_REPORT '));
    expect(line, run.stdout + run.stderr).toBeDefined();
    const report = JSON.parse((line ?? '').slice('FAKE_ELECTRON_REPORT '.length));

    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.status).toBeGreaterThan(0); // 200 with a built renderer, 503 without: either way the web host answered
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(outDir, 'preload.cjs'),
    });
    expect(report.csp).toContain("default-src 'self'");
    expect(report.envelopes.appInfo).toEqual({ ok: true, result: { version: '9.8.7', host: 'electron', mode: 'demo' } });
    expect(report.envelopes.badMac).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(report.envelopes.theme).toMatchObject({ ok: true, result: { theme: 'dark' } });
    expect(report.envelopes.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(report.events).toContainEqual({ channel: 'hotdesk:event', name: 'settings.changed' });
    expect(report.quit).toBe('waited for the services');
    // electron-store (bundled) kept the settings in the data directory.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', mode: 'demo' });
  });

  it('refuses a bad flag with a clear message', async () => {
    const run = await runMain(['--mode', 'party', '--data-dir', path.join(workDir, 'bad')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--mode must be demo, site or external');
  });
});

describe('the bundled preload (dist/electron/preload.cjs)', () => {
  it('is one CommonJS file that requires only electron and exposes invoke and onEvent', async () => {
    const file = path.join(outDir, 'preload.cjs');
    expect(existsSync(file)).toBe(true);
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async () => ({ ok: true, result: { version: '9.8.7', host: 'electron', mode: 'demo' } }));
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke, on() {}, removeListener() {} },
    };
    const module = { exports: {} };
    // A sandboxed preload gets a limited require and no Node globals: give it nothing else.
    const context = vm.createContext({
      module,
      exports: module.exports,
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return fakeElectron;
      },
      console,
    });
    vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
    expect(required).toEqual(['electron']);
    const api = exposed.hotdesk as { invoke(name: string, ...args: unknown[]): Promise<unknown> };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(await api.invoke('app.info')).toEqual({ ok: true, result: { version: '9.8.7', host: 'electron', mode: 'demo' } });
    await expect(api.invoke('nope')).rejects.toMatchObject({ code: 'unknown-request' });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
