import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { App } from 'electron';
import { hardenSession, hardenWebContents, trustOwnCertificate } from '../../../electron/main/security';
import { HAS_OPENSSL, makeSelfSignedCertificate } from '../../integration/support/selfSignedCertificate';
import { contentSecurityPolicy } from '../../../electron/common/contentSecurityPolicy';
import { FakeSession, FakeWebContents, shell } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

const APP = 'http://127.0.0.1:5170';
const PBX_ORIGINS = ['ws://127.0.0.1:5170', 'wss://pbx.example.com'];
const CONTENT_SECURITY_POLICY = contentSecurityPolicy(PBX_ORIGINS);

function hardenedContents() {
  const contents = new FakeWebContents(`${APP}/`);
  hardenWebContents(contents as unknown as WebContents, APP);
  return contents;
}

function navigate(contents: FakeWebContents, eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('web contents hardening', () => {
  it('allows navigation within the app origin and prevents it anywhere else', () => {
    const contents = hardenedContents();
    expect(navigate(contents, 'will-navigate', `${APP}/?mac=02:00:00:00:00:02`)).toBe(false);
    expect(navigate(contents, 'will-navigate', `${APP}/admin`)).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5171/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5170/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'not a url')).toBe(true);
  });

  it('prevents redirects away from the app origin', () => {
    const contents = hardenedContents();
    expect(navigate(contents, 'will-redirect', `${APP}/`)).toBe(false);
    expect(navigate(contents, 'will-redirect', 'https://example.com/')).toBe(true);
  });

  it('denies every new window and hands nothing to the system browser', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP}/admin` })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardenedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session permissions', () => {
  function hardened() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session, APP, () => PBX_ORIGINS);
    return session;
  }

  function request(session: FakeSession, permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    session.permissionRequestHandler?.(new FakeWebContents(requestingUrl), permission, (answer) => (granted = answer), {
      requestingUrl,
      isMainFrame: true,
    });
    if (granted === undefined) throw new Error('the permission request was not answered');
    return granted;
  }

  it('grants media to the app origin only', () => {
    const session = hardened();
    expect(request(session, 'media', `${APP}/`)).toBe(true);
    expect(request(session, 'media', 'https://example.com/')).toBe(false);
    expect(request(session, 'media', 'http://127.0.0.1:9999/')).toBe(false);
  });

  it('denies every other permission, even to the app origin', () => {
    const session = hardened();
    for (const permission of ['geolocation', 'notifications', 'openExternal', 'display-capture', 'clipboard-read', 'midi']) {
      expect(request(session, permission, `${APP}/`), permission).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const session = hardened();
    const check = (permission: string, origin: string) => session.permissionCheckHandler?.(null, permission, origin, {});
    expect(check('media', APP)).toBe(true);
    expect(check('media', `${APP}/`)).toBe(true);
    expect(check('media', 'https://example.com')).toBe(false);
    expect(check('geolocation', APP)).toBe(false);
    expect(check('notifications', APP)).toBe(false);
  });

  it("adds the web host's CSP to app responses that lack one and leaves other responses alone", () => {
    const session = hardened();
    const answer = (url: string, responseHeaders?: Record<string, string[]>) => {
      let response: { responseHeaders?: Record<string, string[]> } | undefined;
      session.headersListener?.({ url, responseHeaders }, (value) => (response = value));
      return response;
    };
    expect(answer(`${APP}/`, { 'Content-Type': ['text/html'] })).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(answer(`${APP}/`, { 'content-security-policy': ["default-src 'self'"] })).toEqual({});
    expect(answer('https://example.com/', { 'Content-Type': ['text/html'] })).toEqual({});
    expect(answer(`${APP}/`)).toEqual({});
  });

  it("names the configured PBX WebSocket origins in connect-src, never any ws: or wss: host", () => {
    const connect = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self' ws://127.0.0.1:5170 wss://pbx.example.com");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\bwss?:(\s|;|$)/);
  });
});

describe.skipIf(!HAS_OPENSSL)('the configured TLS certificate (skipped without openssl)', () => {
  it("is trusted for the app's own origin only, and no other certificate is", () => {
    const [own, other] = [makeSelfSignedCertificate(), makeSelfSignedCertificate()].map((files) => readFileSync(files.cert, 'utf8'));
    const app = new EventEmitter();
    trustOwnCertificate(app as unknown as App, 'https://127.0.0.1:5170', own as string);
    const decide = (url: string, pem: string) => {
      const event = { preventDefault: vi.fn() };
      let trusted: boolean | undefined;
      app.emit('certificate-error', event, {}, url, 'net::ERR_CERT_AUTHORITY_INVALID', { data: pem }, (answer: boolean) => (trusted = answer));
      return { trusted, prevented: event.preventDefault.mock.calls.length > 0 };
    };
    expect(decide('https://127.0.0.1:5170/', own as string)).toEqual({ trusted: true, prevented: true });
    expect(decide('https://127.0.0.1:5170/', other as string)).toEqual({ trusted: false, prevented: false });
    expect(decide('https://example.com/', own as string)).toEqual({ trusted: false, prevented: false });
    expect(decide('https://127.0.0.1:5170/', 'not a certificate')).toEqual({ trusted: false, prevented: false });
  });
});
