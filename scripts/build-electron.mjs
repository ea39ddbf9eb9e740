// Bundles the Electron glue with esbuild:
//   dist/electron/main.mjs    the main process (ESM, Electron >= 28), device host and PBX included; only `electron` external
//   dist/electron/preload.cjs the sandboxed preload: one CommonJS file, only `electron` external (sandboxed preloads
//                             cannot require other files)
// Usage: node scripts/build-electron.mjs [--out-dir <dir>]   (default dist/electron; tests build into a temp dir)
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_REQUIRE_SHIM } from './lib/nodeBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDirFlag = process.argv.indexOf('--out-dir');
const outDir = outDirFlag > 0 && process.argv[outDirFlag + 1] ? path.resolve(process.argv[outDirFlag + 1]) : path.join(root, 'dist', 'electron');

// Electron 45 = Node 22 + Chromium 140.

const common = {
  absWorkingDir: root,
  bundle: true,
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const started = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: NODE_REQUIRE_SHIM },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    minify: true, // it carries zod for the request-name list; minified it parses faster on every page load
  }),
]);
console.log(`Electron bundles built in ${Date.now() - started} ms: ${path.join(path.relative(root, outDir) || '.', 'main.mjs')}, preload.cjs`);
