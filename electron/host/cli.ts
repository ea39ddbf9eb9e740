import { pathToFileURL } from 'node:url';
import { CliError, parseHostCliOptions } from './cliOptions';
import { ensureRendererBuilt } from './rendererBuild';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startDeviceServices } from './services';

/** `npm run start:web`: the device UI and the embedded PBX, served to any browser. Exits the process on failure. */
export async function runWebHost(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    await serve(argv);
  } catch (error) {
    if (error instanceof CliError) console.error(`hotdesk: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error('hotdesk: the port is already in use; pass --port <n> or set HOTDESK_PORT');
    } else console.error('hotdesk: failed to start:', error);
    process.exit(1);
  }
}

async function serve(argv: readonly string[]): Promise<void> {
  const options = parseHostCliOptions(argv, process.env);
  ensureRendererBuilt(REPO_ROOT, DEFAULT_RENDERER_DIR);
  const services = await startDeviceServices({ ...options, hostKind: 'web' });
  for (const warning of services.warnings) console.warn(`Warning: ${warning}`);
  const mode = services.settings.get().mode;
  console.log(`Hotdesk web host (${mode} mode), data in ${options.dataDir}`);
  console.log(`  Phone (this kiosk):  ${services.origin}/`);
  console.log(`  Another HD device:   ${services.origin}/?mac=02:00:00:00:00:02`);
  console.log(`  Bridge WebSocket:    ${services.origin.replace(/^http/, 'ws')}/bridge`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    services.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void runWebHost();
