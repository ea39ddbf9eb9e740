import { pickFlags } from '../common';
import { SWITCH_FLAGS, VALUE_FLAGS } from '../host/cliOptions';

/**
 * The app's own flags (the web host's: --port, --data-dir, --mode, --host, --tls-cert, …; `--flag value` or
 * `--flag=value`) out of Electron's argv, which also holds the executable, the app path and Chromium switches
 * (Playwright adds --remote-debugging-port=0, users may add --no-sandbox). Everything else is left to Chromium; the
 * values are checked by parseHostCliOptions.
 */
export function pickHostFlags(argv: readonly string[]): string[] {
  return pickFlags(argv, VALUE_FLAGS, SWITCH_FLAGS);
}
