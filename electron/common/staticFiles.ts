import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

/** Headers the web host adds: the CSP on every file, and on the app shell (the page) the bridge's page secret. */
export type PageHeaders = (request: IncomingMessage, isPage: boolean) => Record<string, string>;

/** The HTML page a path that is not a file gets, by default the device app shell (it routes by query string); null: 404. */
export type ShellFor = (urlPath: string) => string | null;

/** Serves the built renderer; a path that is not a file gets the page `shellFor` names. */
export function createStaticHandler(rootDir: string, pageHeaders: PageHeaders, shellFor: ShellFor = () => 'index.html') {
  const root = path.resolve(rootDir);
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed');
      return;
    }
    const urlPath = staticPathOf(request.url ?? '/');
    if (urlPath === null) {
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path');
      return;
    }
    let file = path.resolve(root, `.${urlPath}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    if (!isFile(file)) {
      const shell = path.extname(urlPath) === '' ? shellFor(urlPath) : null;
      if (shell === null) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      file = path.join(root, shell);
    }
    if (!existsSync(file)) {
      response.writeHead(503, { 'Content-Type': 'text/plain' }).end('The renderer is not built: run npm run build:renderer');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const isPage = path.extname(file) === '.html';
    response.writeHead(200, {
      ...pageHeaders(request, isPage),
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': isPage ? 'no-store' : 'public, max-age=3600',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}

/**
 * The path of the file a request URL names, as the handler serves it: percent-decoded, a backslash read as `/`, dot segments
 * resolved (`/assets/..%2fx` is `/x`), so a caller judging the path judges the file; null when it cannot be decoded.
 */
export function staticPathOf(url: string): string | null {
  try {
    const pathname = new URL(url, 'http://host').pathname;
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : path.posix.normalize(decoded.replaceAll('\\', '/'));
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
