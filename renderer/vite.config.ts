import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vite fills in import.meta.dirname when it loads this file, whatever the working directory.
const rendererRoot = import.meta.dirname;
/** Where `npm run start:web` listens; the dev server forwards the bridge, SIP and API there. */
const hostPort = Number(process.env.HOTDESK_PORT ?? 5170);

/**
 * The CSP in index.html allows scripts from 'self' only, which the built app satisfies. The dev server alone injects an
 * inline script (React Fast Refresh's preamble), so only there is 'unsafe-inline' added.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'hotdesk:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    // Relative to root: <repo>/dist/renderer. Outside root, so emptying it must be asked for.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Two pages: the device UI and the management console (served at /admin), sharing React and the tokens.
    rollupOptions: { input: { main: `${rendererRoot}/index.html`, admin: `${rendererRoot}/admin.html` } },
    // One bundle served from the local host (JsSIP included); splitting it would only add round trips.
    chunkSizeWarningLimit: 1500,
    // Electron 45 (Chromium 140) and current Chromium: no need to down-level CSS such as light-dark().
    target: 'chrome128',
    cssTarget: 'chrome128',
  },
  server: {
    proxy: {
      '/bridge': { target: `ws://127.0.0.1:${hostPort}`, ws: true },
      '/sip': { target: `ws://127.0.0.1:${hostPort}`, ws: true },
      '/api': { target: `http://127.0.0.1:${hostPort}` },
    },
  },
});
