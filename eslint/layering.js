// The layering rule of ARCHITECTURE.md as a lint rule (like VS Code's code-layering): every import is resolved to the
// layer it lands in and checked against what the importing file's layer may use.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Layers, most specific first. `local` lists the layers whose files may be imported; `forbiddenPackages` the npm
 * packages that may not (`node` stands for Node's built-ins).
 *
 * One deliberate widening of ARCHITECTURE.md: electron/host may import electron/pbx, because the device host is the
 * composition root that starts the embedded PBX inside the web host. The PBX never imports the host.
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
  {
    name: 'electron/pbx',
    dir: 'electron/pbx',
    local: ['electron/pbx', 'shared'],
    forbiddenPackages: ['electron', 'electron-store', 'react', 'react-dom', 'jssip', 'zustand'],
  },
  {
    name: 'electron/host',
    dir: 'electron/host',
    local: ['electron/host', 'electron/pbx', 'shared'],
    forbiddenPackages: ['electron', 'electron-store', 'react', 'react-dom', 'jssip', 'zustand'],
  },
  { name: 'electron/main', dir: 'electron/main', local: ['electron/main', 'electron/preload', 'electron/host', 'electron/pbx', 'shared'] },
];

function layerOf(relativePath) {
  const normalised = relativePath.split(path.sep).join('/');
  return LAYERS.find((layer) => normalised === layer.dir || normalised.startsWith(`${layer.dir}/`)) ?? null;
}

function packageName(specifier) {
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0])) return 'node';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isLayerAllowed(target, allowedDirs) {
  return allowedDirs.some((dir) => target.dir === dir || target.dir.startsWith(`${dir}/`));
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
    return null;
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
    docs: { description: 'Enforces the import rules between layers (ARCHITECTURE.md)' },
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
