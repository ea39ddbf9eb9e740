import { X509Certificate } from 'node:crypto';
import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../common';
import { isAppUrl, originOf } from './origin';

/** The only permission the app's pages get: the microphone (and camera) for calls. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['media']);

/**
 * Electron security checklist for one web contents: it may only show the app's own origin, opens no windows and
 * attaches no <webview>. A kiosk does not hand links to the system browser either; they are simply refused.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  const keepOnAppOrigin = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnAppOrigin);
  contents.on('will-redirect', keepOnAppOrigin);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission requests and checks: `media` for the app's own origin, nothing for anyone else. */
export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined, appOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && originOf(requestingUrl) === appOrigin;
}

/** `connectOrigins`: the PBX WebSocket origins the app's pages may reach (the CSP's connect-src). */
export function hardenSession(session: Session, appOrigin: string, connectOrigins: () => readonly string[]): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details?.requestingUrl ?? contents?.getURL(), appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, appOrigin),
  );
  // The web host already sends this CSP; adding it here too means no response of the app's origin goes without one.
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withContentSecurityPolicy(details.url, details.responseHeaders, appOrigin, connectOrigins());
    callback(responseHeaders ? { responseHeaders } : {});
  });
}

/** The headers with the web host's CSP added, or null to leave the response as it is (other origin, or has a CSP). */
export function withContentSecurityPolicy(
  url: string,
  headers: Record<string, string[]> | undefined,
  appOrigin: string,
  connectOrigins: readonly string[],
): Record<string, string[]> | null {
  if (!headers || !isAppUrl(url, appOrigin)) return null;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy')) return null;
  return { ...headers, 'Content-Security-Policy': [contentSecurityPolicy(connectOrigins)] };
}

/**
 * With --tls-cert the window loads the local web host over HTTPS; a certificate the OS does not trust (self-signed,
 * say) is accepted for the app's own origin when it is exactly the configured one, and for nothing else.
 */
export function trustOwnCertificate(app: Pick<App, 'on'>, appOrigin: string, certificatePem: string): void {
  const own = new X509Certificate(certificatePem).fingerprint256;
  app.on('certificate-error', (event, _contents, url, _error, certificate, callback) => {
    if (!isAppUrl(url, appOrigin) || fingerprintOf(certificate.data) !== own) return callback(false);
    event.preventDefault();
    callback(true);
  });
}

function fingerprintOf(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}
