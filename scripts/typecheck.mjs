// Type-checks each layer with its own tsconfig, so a layer cannot lean on another layer's globals
// (shared/ sees neither DOM nor Node types; the renderer sees no Node types).
import { spawnSync } from 'node:child_process';

const layers = ['shared', 'renderer', 'node', 'electron', 'test'];
let failed = false;
for (const layer of layers) {
  const project = `tsconfig.${layer}.json`;
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
if (!failed) console.log(`typecheck clean: ${layers.length} layers`);
process.exit(failed ? 1 : 0);
