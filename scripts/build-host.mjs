// Compiles the device host's command lines for production starts (no TypeScript loader at run time):
//   dist/host/cli.mjs     `npm run start:web` (electron/host/cli.ts)
//   dist/host/launch.mjs  `npm start` (electron/main/launch.ts: Electron, or the browser kiosk where it is missing)
// ESM with code splitting, so the WebRTC stack (werift) stays a chunk of its own that loads after the start, as it does
// from the sources. The chunks sit beside the entries: code that finds the project root two folders up (assets, the
// renderer build) finds it from every file. Usage: node scripts/build-host.mjs [--out-dir <dir>]
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_REQUIRE_SHIM } from './lib/nodeBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDirFlag = process.argv.indexOf('--out-dir');
const outDir = outDirFlag > 0 && process.argv[outDirFlag + 1] ? path.resolve(process.argv[outDirFlag + 1]) : path.join(root, 'dist', 'host');

const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'electron/host/cli.ts', launch: 'electron/main/launch.ts' },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // electron is only ever spawned (its binary), never imported here; keep the package out of the bundle.
  external: ['electron'],
  banner: { js: NODE_REQUIRE_SHIM },
  minify: true,
  keepNames: true, // error and class names stay readable in logs
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
console.log(`Host bundles built in ${Date.now() - started} ms: ${path.relative(root, outDir) || '.'}/cli.mjs, launch.mjs`);
