import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browser here, so tests run in Debian's Chromium; a machine with Playwright's
 * managed browser installed (and no system Chromium) uses that instead.
 */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];
