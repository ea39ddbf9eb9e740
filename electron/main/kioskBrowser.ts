import path from 'node:path';

/** What the launcher needs to know about the machine; parameters so the rules can be tested without one. */
export interface BrowserHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
}

export type BrowserChoice = { kind: 'browser'; executable: string } | { kind: 'none'; reason: string };

/** Chromium-family browsers that take `--app` and `--kiosk`, by preference: names looked up on PATH (Linux). */
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_APPS = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];

/**
 * The browser to open the kiosk in: `HOTDESK_BROWSER` when set (it must exist), else the first Chromium, Chrome or
 * Edge installed. None on Linux without a display (X11 or Wayland): there is nowhere to show it.
 */
export function chooseKioskBrowser(host: BrowserHost): BrowserChoice {
  const { platform, env, exists } = host;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { kind: 'none', reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  const wanted = env.HOTDESK_BROWSER;
  if (wanted) return exists(wanted) ? { kind: 'browser', executable: wanted } : { kind: 'none', reason: `HOTDESK_BROWSER=${wanted} does not exist` };
  const executable = candidatesFor(platform, env).find(exists);
  return executable ? { kind: 'browser', executable } : { kind: 'none', reason: 'no Chromium, Chrome or Edge is installed' };
}

function candidatesFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return MAC_APPS;
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.ProgramFiles, env['ProgramFiles(x86)']].filter((root): root is string => Boolean(root));
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

/**
 * The command line of the kiosk window: the device page as a full-screen app window (no tabs, address bar or menus)
 * in a profile of its own — so these switches apply even while the user's own browser runs, and nothing of theirs is
 * shared. The page needs the microphone without a prompt nobody is there to answer, and to ring without a click
 * first; the media switches mirror what the tests give Chromium (test/e2e/support/chromium.ts), with the real devices.
 */
export function kioskBrowserArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-session-crashed-bubble',
    '--disable-translate',
    '--noerrdialogs',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    '--overscroll-history-navigation=0',
  ];
}
