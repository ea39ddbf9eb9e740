import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { runApp } from './lifecycle';

// The Electron main entry, bundled to dist/electron/main.mjs beside dist/electron/preload.cjs.
const bundleDir = path.dirname(fileURLToPath(import.meta.url));

// Ctrl+C in the terminal that ran `npm start` (or a service manager's SIGTERM) quits cleanly: services stop first.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());

runApp({
  preloadPath: path.join(bundleDir, 'preload.cjs'),
  // dist/renderer beside dist/electron, in the repository and inside the packaged app.asar alike.
  rendererDir: path.join(bundleDir, '..', 'renderer'),
});
