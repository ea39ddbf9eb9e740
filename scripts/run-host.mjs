// `npm start` and `npm run start:web`: runs the compiled host command line (dist/host/<entry>.mjs), building it
// first when it is missing or older than any source it is built from — compiled JavaScript at run time, and no
// separate build step to forget. Usage: node scripts/run-host.mjs cli|launch [flags…]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...flags] = process.argv.slice(2);
if (entry !== 'cli' && entry !== 'launch') {
  console.error('usage: node scripts/run-host.mjs cli|launch [flags…]');
  process.exit(2);
}
const bundle = path.join(root, 'dist', 'host', `${entry}.mjs`);
const sources = ['electron', 'shared', 'package-lock.json', 'scripts/build-host.mjs', 'scripts/lib'].map((name) => path.join(root, name));

function newestMtime(paths) {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(readdirSync(entry).map((name) => path.join(entry, name))) : stat.mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(sources)) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-host.mjs')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('hotdesk: building the host failed (see above)');
    process.exit(1);
  }
}
// The bundle checks that it is the program being run (process.argv[1]), as `node dist/host/cli.mjs` would be.
process.argv = [process.argv[0], bundle, ...flags];
await import(pathToFileURL(bundle).href);
