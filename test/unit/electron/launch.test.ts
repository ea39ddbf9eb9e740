import { describe, expect, it } from 'vitest';
import { pickHostFlags } from '../../../electron/main/args';
import { detectElectron } from '../../../electron/main/electronBinary';

const INSTALL_ERROR =
  'Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.';

describe("npm start's Electron detection", () => {
  it('reports a missing binary with the reason require("electron") gave', () => {
    const detection = detectElectron(() => {
      throw new Error(INSTALL_ERROR);
    });
    expect(detection.available).toBe(false);
    expect(detection.available ? '' : detection.reason).toContain(INSTALL_ERROR);
  });

  it('finds the executable the electron package points at', () => {
    const detection = detectElectron(
      () => '/work/node_modules/electron/dist/electron',
      (file) => file === '/work/node_modules/electron/dist/electron',
    );
    expect(detection).toEqual({ available: true, executablePath: '/work/node_modules/electron/dist/electron' });
  });

  it('reports an executable path that does not exist (e.g. a stale ELECTRON_OVERRIDE_DIST_PATH)', () => {
    const detection = detectElectron(
      () => '/opt/electron/electron',
      () => false,
    );
    expect(detection).toEqual({ available: false, reason: 'the Electron executable /opt/electron/electron does not exist' });
  });

  it('reports a require that does not give a path (the API object inside Electron itself)', () => {
    const detection = detectElectron(
      () => ({ app: {} }),
      () => true,
    );
    expect(detection.available).toBe(false);
  });
});

describe("the Electron main process's flags", () => {
  it("keeps the app's flags and drops Electron's executable, the app path and Chromium switches", () => {
    const argv = ['/usr/lib/electron/electron', '--inspect=0', '--remote-debugging-port=0', '.', '--mode', 'demo', '--no-sandbox'];
    expect(pickHostFlags([...argv, '--port=0', '--data-dir', '/tmp/d', '--host', '127.0.0.1'])).toEqual([
      '--mode',
      'demo',
      '--port=0',
      '--data-dir',
      '/tmp/d',
      '--host',
      '127.0.0.1',
    ]);
  });

  it('keeps a flag without a value so that the option parser can explain it', () => {
    expect(pickHostFlags(['electron', '.', '--mode'])).toEqual(['--mode']);
  });

  it('keeps the TLS and server-name flags, and --allow-remote-devices without swallowing what follows', () => {
    const argv = ['electron', '.', '--allow-remote-devices', '--mode', 'site', '--tls-cert', 'c.pem', '--tls-key=k.pem', '--server-name', 'kiosk.lan'];
    expect(pickHostFlags(argv)).toEqual(argv.slice(2));
  });
});
