import { describe, expect, it } from 'vitest';
import { chooseKioskBrowser, kioskBrowserArgs } from '../../../electron/main/kioskBrowser';
import { CHROMIUM_ARGS } from '../../e2e/support/chromium';

const installed = (...files: string[]) => (file: string) => files.includes(file);
const DESKTOP = { DISPLAY: ':0', PATH: '/usr/local/bin:/usr/bin:/snap/bin' };

describe('the browser for the kiosk where Electron is missing', () => {
  it('on Linux takes the first Chromium, Chrome or Edge on PATH, Chromium first', () => {
    expect(chooseKioskBrowser({ platform: 'linux', env: DESKTOP, exists: installed('/usr/bin/google-chrome', '/snap/bin/chromium') })).toEqual({
      kind: 'browser',
      executable: '/snap/bin/chromium',
    });
    expect(chooseKioskBrowser({ platform: 'linux', env: DESKTOP, exists: installed('/usr/bin/google-chrome') })).toEqual({
      kind: 'browser',
      executable: '/usr/bin/google-chrome',
    });
  });

  it('on Linux needs a display, X11 or Wayland', () => {
    const chromium = installed('/usr/bin/chromium');
    expect(chooseKioskBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, exists: chromium })).toEqual({
      kind: 'none',
      reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)',
    });
    expect(chooseKioskBrowser({ platform: 'linux', env: { PATH: '/usr/bin', WAYLAND_DISPLAY: 'wayland-0' }, exists: chromium })).toMatchObject({ kind: 'browser' });
  });

  it('says so when none is installed', () => {
    expect(chooseKioskBrowser({ platform: 'linux', env: DESKTOP, exists: installed('/usr/bin/firefox') })).toEqual({
      kind: 'none',
      reason: 'no Chromium, Chrome or Edge is installed',
    });
    expect(chooseKioskBrowser({ platform: 'darwin', env: {}, exists: installed() })).toMatchObject({ kind: 'none' });
  });

  it('looks in the application folders on macOS and Windows', () => {
    expect(chooseKioskBrowser({ platform: 'darwin', env: {}, exists: installed('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') })).toEqual({
      kind: 'browser',
      executable: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
    const env = { LOCALAPPDATA: 'C:\\Users\\kiosk\\AppData\\Local', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
    expect(chooseKioskBrowser({ platform: 'win32', env, exists: installed('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe') })).toEqual({
      kind: 'browser',
      executable: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    });
  });

  it('takes HOTDESK_BROWSER first, and refuses one that does not exist', () => {
    const env = { ...DESKTOP, HOTDESK_BROWSER: '/opt/kiosk/chrome' };
    expect(chooseKioskBrowser({ platform: 'linux', env, exists: installed('/usr/bin/chromium', '/opt/kiosk/chrome') })).toEqual({
      kind: 'browser',
      executable: '/opt/kiosk/chrome',
    });
    expect(chooseKioskBrowser({ platform: 'linux', env, exists: installed('/usr/bin/chromium') })).toEqual({
      kind: 'none',
      reason: 'HOTDESK_BROWSER=/opt/kiosk/chrome does not exist',
    });
  });
});

describe('the kiosk window command line', () => {
  const args = kioskBrowserArgs('http://127.0.0.1:5170/', '/data/kiosk-browser');

  it('opens the device page as a full-screen app window in a profile of its own', () => {
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:5170/', '--kiosk', '--user-data-dir=/data/kiosk-browser', '--no-first-run']));
  });

  it('lets the page use the microphone without a prompt and ring without a click, with the real devices', () => {
    expect(args).toEqual(expect.arrayContaining(['--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']));
    // The tests' switch without its fake devices: a kiosk must use its real microphone and speaker.
    expect(CHROMIUM_ARGS).toContain('--use-fake-ui-for-media-stream');
    expect(args).not.toContain('--use-fake-device-for-media-stream');
    expect(args).not.toContain('--no-sandbox');
  });
});
