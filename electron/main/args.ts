const HOST_FLAGS = new Set(['port', 'data-dir', 'mode', 'host']);

/**
 * The app's own flags (--port, --data-dir, --mode, --host; `--flag value` or `--flag=value`) out of Electron's argv,
 * which also holds the executable, the app path and Chromium switches (Playwright adds --remote-debugging-port=0,
 * users may add --no-sandbox). Everything else is left to Chromium; the values are checked by parseHostCliOptions.
 */
export function pickHostFlags(argv: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(=.*)?$/.exec(argv[i] ?? '');
    if (!match || !HOST_FLAGS.has(match[1] ?? '')) continue;
    if (match[2] !== undefined) picked.push(argv[i] as string);
    else if (i + 1 < argv.length) picked.push(argv[i] as string, argv[++i] as string);
    else picked.push(argv[i] as string);
  }
  return picked;
}
