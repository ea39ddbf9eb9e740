// The layering rule of docs/ARCHITECTURE.md as a lint rule (like VS Code's code-layering): every import is resolved to the
// layer it lands in and checked against what the importing file's layer may use.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const PBX_FORBIDDEN = ['electron', 'electron-store', 'react', 'react-dom', 'jssip', 'zustand'];
const SIP_PACKAGES = ['node'];

/**
 * Layers, most specific first. `local` lists the layers whose files may be imported; `forbiddenPackages` the npm
 * packages that may not (`node` stands for Node's built-ins); `onlyPackages` the only ones that may. A layer marked
 * `entry` is imported from outside itself only through its `index.ts` (docs/ARCHITECTURE.md, "Layers").
 *
 * Inside the SIP library: clock and flow ← message ← transaction ← dialog. Inside the PBX: store, media and transport
 * at the bottom, then core, provisioning, admin, and the composition root (`electron/pbx/*.ts`) over all of them.
 *
 * One deliberate widening of the first layer map: electron/host may import electron/pbx, because the device host is
 * the composition root that starts the embedded PBX inside the web host. The PBX never imports the host.
 *
 * electron/common holds the Node-side helpers that the PBX, the device host and the Electron main process all need
 * (atomic file writes, moving a broken file aside, the command line): it sits below all three and imports only shared.
 */
export const LAYERS = [
  { name: 'shared/contracts', dir: 'shared/contracts', local: ['shared'], onlyPackages: ['zod'] },
  { name: 'shared', dir: 'shared', local: ['shared'], onlyPackages: ['zod'] },
  {
    name: 'renderer',
    dir: 'renderer',
    local: ['renderer', 'shared'],
    forbiddenPackages: ['node', 'electron', 'electron-store', 'conf', 'ws', 'werift'],
  },
  { name: 'electron/preload', dir: 'electron/preload', local: ['electron/preload', 'shared/contracts'], onlyPackages: ['electron'] },

  { name: 'sip/clock', dir: 'electron/sip/clock', entry: true, local: ['electron/sip/clock'], onlyPackages: SIP_PACKAGES },
  { name: 'sip/flow', dir: 'electron/sip/flow', entry: true, local: ['electron/sip/flow'], onlyPackages: [] },
  { name: 'sip/message', dir: 'electron/sip/message', entry: true, local: ['electron/sip/message', 'shared'], onlyPackages: SIP_PACKAGES },
  {
    name: 'sip/transaction',
    dir: 'electron/sip/transaction',
    entry: true,
    local: ['electron/sip/transaction', 'electron/sip/message', 'electron/sip/clock', 'electron/sip/flow', 'shared'],
    onlyPackages: SIP_PACKAGES,
  },
  {
    name: 'sip/dialog',
    dir: 'electron/sip/dialog',
    entry: true,
    local: ['electron/sip/dialog', 'electron/sip/transaction', 'electron/sip/message', 'electron/sip/clock', 'electron/sip/flow', 'shared'],
    onlyPackages: SIP_PACKAGES,
  },
  { name: 'electron/sip', dir: 'electron/sip', entry: true, local: ['electron/sip', 'shared'], onlyPackages: SIP_PACKAGES },
  { name: 'electron/common', dir: 'electron/common', entry: true, local: ['electron/common', 'shared'], forbiddenPackages: PBX_FORBIDDEN },

  { name: 'pbx/store', dir: 'electron/pbx/store', entry: true, local: ['electron/pbx/store', 'electron/common', 'shared'], forbiddenPackages: PBX_FORBIDDEN },
  { name: 'pbx/media', dir: 'electron/pbx/media', entry: true, local: ['electron/pbx/media', 'electron/common', 'shared'], forbiddenPackages: PBX_FORBIDDEN },
  {
    name: 'pbx/transport',
    dir: 'electron/pbx/transport',
    entry: true,
    local: ['electron/pbx/transport', 'electron/sip', 'electron/common', 'shared'],
    forbiddenPackages: PBX_FORBIDDEN,
  },
  {
    name: 'pbx/core',
    dir: 'electron/pbx/core',
    entry: true,
    local: ['electron/pbx/core', 'electron/pbx/store', 'electron/pbx/media', 'electron/sip', 'electron/common', 'shared'],
    forbiddenPackages: PBX_FORBIDDEN,
  },
  {
    name: 'pbx/provisioning',
    dir: 'electron/pbx/provisioning',
    entry: true,
    local: ['electron/pbx/provisioning', 'electron/pbx/core', 'electron/pbx/store', 'electron/sip', 'electron/common', 'shared'],
    forbiddenPackages: PBX_FORBIDDEN,
  },
  {
    name: 'pbx/admin',
    dir: 'electron/pbx/admin',
    entry: true,
    local: ['electron/pbx/admin', 'electron/pbx/provisioning', 'electron/pbx/core', 'electron/pbx/store', 'electron/pbx/media', 'electron/sip', 'electron/common', 'shared'],
    forbiddenPackages: PBX_FORBIDDEN,
  },
  { name: 'electron/pbx', dir: 'electron/pbx', entry: true, local: ['electron/pbx', 'electron/sip', 'electron/common', 'shared'], forbiddenPackages: PBX_FORBIDDEN },

  {
    name: 'electron/host',
    dir: 'electron/host',
    local: ['electron/host', 'electron/pbx', 'electron/sip', 'electron/common', 'shared'],
    forbiddenPackages: PBX_FORBIDDEN,
  },
  { name: 'electron/main', dir: 'electron/main', local: ['electron/main', 'electron/preload', 'electron/host', 'electron/pbx', 'electron/sip', 'electron/common', 'shared'] },
];

const within = (file, dir) => file === dir || file.startsWith(`${dir}/`);

function layerOf(relativePath) {
  const normalised = relativePath.split(path.sep).join('/');
  return LAYERS.find((layer) => within(normalised, layer.dir)) ?? null;
}

/** The outermost entry layer that holds the target but not the importer: the target must be its index. */
function entryBreach(importerFile, targetFile) {
  const bare = targetFile.replace(/\.(ts|tsx|js|mjs)$/, '').replace(/\/index$/, '');
  const outermost = [...LAYERS].reverse().find((layer) => layer.entry && within(targetFile, layer.dir) && !within(importerFile, layer.dir));
  if (!outermost || bare === outermost.dir) return null;
  return `${outermost.name} is imported only through its entry point ${outermost.dir}/index.ts, not ${bare}`;
}

function packageName(specifier) {
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0])) return 'node';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isLayerAllowed(target, allowedDirs) {
  return allowedDirs.some((dir) => within(target.dir, dir));
}

/** Returns why `specifier`, imported from `fileRelative` (repo-relative), breaks the layering, or null. */
export function checkImport(fileRelative, specifier) {
  const layer = layerOf(fileRelative);
  if (!layer) return null;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const targetRelative = path.posix.normalize(path.posix.join(path.posix.dirname(fileRelative.split(path.sep).join('/')), specifier));
    const target = layerOf(targetRelative);
    if (targetRelative.startsWith('..')) return `${layer.name} may not import from outside the project tree`;
    if (target === null) return `${layer.name} may not import ${targetRelative} (not part of any layer)`;
    if (!isLayerAllowed(target, layer.local)) return `${layer.name} may not import ${target.name} (${specifier})`;
    return entryBreach(fileRelative.split(path.sep).join('/'), targetRelative);
  }
  const name = packageName(specifier);
  const label = name === 'node' ? `Node built-in "${specifier}"` : `"${name}"`;
  if (layer.onlyPackages && !layer.onlyPackages.includes(name)) return `${layer.name} may not import ${label}`;
  if (layer.forbiddenPackages?.includes(name)) return `${layer.name} may not import ${label}`;
  return null;
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the import rules between layers (docs/ARCHITECTURE.md)' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layering: 'Layering: {{reason}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const fileRelative = path.relative(root, context.filename);
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const reason = checkImport(fileRelative, source.value);
      if (reason) context.report({ node, messageId: 'layering', data: { reason } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0]);
        }
      },
    };
  },
};
