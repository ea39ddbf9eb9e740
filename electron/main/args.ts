import { SWITCH_FLAGS, VALUE_FLAGS } from '../host/cliOptions';

/**
 * The app's own flags (the web host's: --port, --data-dir, --mode, --host, --tls-cert, …; `--flag value` or
 * `--flag=value`) out of Electron's argv, which also holds the executable, the app path and Chromium switches
 * (Playwright adds --remote-debugging-port=0, users may add --no-sandbox). Everything else is left to Chromium; the
 * values are checked by parseHostCliOptions.
 */
export function pickHostFlags(argv: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(=.*)?$/.exec(argv[i] ?? '');
    const name = match?.[1] ?? '';
    if (SWITCH_FLAGS.includes(name)) picked.push(argv[i] as string);
    if (!match || !VALUE_FLAGS.includes(name)) continue;
    if (match[2] !== undefined) picked.push(argv[i] as string);
    else if (i + 1 < argv.length) picked.push(argv[i] as string, argv[++i] as string);
    else picked.push(argv[i] as string);
  }
  return picked;
}
