import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_PATH } from '../../shared/contracts';
import { contentSecurityPolicy, createStaticHandler } from '../common';

// electron/pbx/consolePage.ts and the bundle are both two folders below the project root, as in server.ts.
export const DEFAULT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

/**
 * The management console for the headless PBX: the page at /admin and the built files under /assets/ (built by
 * `npm run build:renderer`; until then a 503 says so). The page may connect to this origin only. False for any other path.
 */
export function createConsolePage(rendererDir = DEFAULT_RENDERER_DIR): (request: IncomingMessage, response: ServerResponse) => boolean {
  const headers = () => ({ 'Content-Security-Policy': contentSecurityPolicy([]) });
  const serve = createStaticHandler(rendererDir, headers, (urlPath) => (urlPath === CONSOLE_PATH ? 'admin.html' : null));
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://pbx').pathname;
    if (pathname !== CONSOLE_PATH && !pathname.startsWith('/assets/')) return false;
    serve(request, response);
    return true;
  };
}
