import { pathToFileURL } from 'node:url';
import { runWebHost } from './webHostCli';

// `npm run start:web`: the entry point of the web host (compiled to dist/host/cli.mjs by scripts/build-host.mjs).
// The CLI itself lives in webHostCli.ts, so that the `npm start` launcher can use it without starting it.
export { runWebHost, urlLines } from './webHostCli';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void runWebHost();
