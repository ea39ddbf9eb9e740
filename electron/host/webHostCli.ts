import { CONSOLE_PATH } from '../../shared/contracts';
import { sipWebSocketUrlOf } from '../../shared/sip/sipWebSocket';
import { CliError, parseHostCliOptions } from './cliOptions';
import { ensureRendererBuilt } from './rendererBuild';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startDeviceServices } from './services';

/**
 * `npm run start:web`: the device UI and the embedded PBX, served to any browser; resolves with the origin of this
 * machine's device page once it is served. Exits the process on failure.
 */
export async function runWebHost(argv: readonly string[] = process.argv.slice(2)): Promise<string> {
  try {
    return await serve(argv);
  } catch (error) {
    if (error instanceof CliError) console.error(`hotdesk: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error('hotdesk: the port is already in use; pass --port <n> or set HOTDESK_PORT');
    } else console.error('hotdesk: failed to start:', error);
    process.exit(1);
  }
}

async function serve(argv: readonly string[]): Promise<string> {
  const options = parseHostCliOptions(argv, process.env);
  ensureRendererBuilt(REPO_ROOT, DEFAULT_RENDERER_DIR);
  const services = await startDeviceServices({ ...options, hostKind: 'web' });
  for (const warning of services.warnings) console.warn(`Warning: ${warning}`);
  const mode = services.settings.get().mode;
  console.log(`Hotdesk web host (${mode} mode), data in ${options.dataDir}`);
  const joined = services.pbx === null ? services.settings.get().sitePbxUrl : null;
  for (const line of urlLines(services.origin, services.publicOrigin, joined)) console.log(`  ${line}`);
  console.log(`  Device key:          ${services.deviceKeyFingerprint} (compare before Assign)`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    services.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return services.origin;
}

/**
 * What to open where: device pages on this machine; SIP, the admin API and console at the address other machines
 * use, or the site PBX this device joined (README, "Site deployment").
 */
export function urlLines(localOrigin: string, publicOrigin: string, sitePbxUrl: string | null = null): string[] {
  if (sitePbxUrl !== null) return [`Phone (this kiosk):  ${localOrigin}/`, `Site PBX:            ${sitePbxUrl} (assign this device in its admin console)`];
  return [
    `Phone (this kiosk):  ${localOrigin}/`,
    `Another HD device:   ${localOrigin}/?mac=02:00:00:00:00:02`,
    `SIP WebSocket:       ${sipWebSocketUrlOf(publicOrigin)}`,
    `Admin API:           ${publicOrigin}/api/v1`,
    `Management console:  ${publicOrigin}${CONSOLE_PATH}`,
  ];
}
