import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BRIDGE_PATH } from '../../../shared/contracts';
import { cookieValue } from '../../common';

/**
 * A secret made at each start and given to the pages the host serves as an HttpOnly, SameSite=Strict cookie scoped to
 * the bridge: page scripts cannot read it, another site's page cannot send it, and the bridge answers only with it.
 * Cookies ignore ports, so the name carries the port: two hosts on one machine keep their own.
 */
export class PageSecret {
  private readonly value = randomBytes(32);

  constructor(
    private readonly port: () => number,
    private readonly secure: boolean,
  ) {}

  private get cookieName(): string {
    return `hotdesk-bridge-${this.port()}`;
  }

  setCookieHeader(): string {
    const attributes = [`Path=${BRIDGE_PATH}`, 'HttpOnly', 'SameSite=Strict', ...(this.secure ? ['Secure'] : [])];
    return [`${this.cookieName}=${this.value.toString('base64url')}`, ...attributes].join('; ');
  }

  presentIn(request: IncomingMessage): boolean {
    const given = cookieValue(request.headers.cookie, this.cookieName);
    if (given === null) return false;
    const bytes = Buffer.from(given, 'base64url');
    return bytes.length === this.value.length && timingSafeEqual(bytes, this.value);
  }
}
