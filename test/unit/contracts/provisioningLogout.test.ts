import { describe, expect, it } from 'vitest';
import { logoutRequestBodySchema, logoutUrlFor } from '../../../shared/sip/provisioningLogout';

const TOKEN = 'abcdefghijklmnopqrstuvwx_-12';

describe('the device-initiated logout URL', () => {
  it('sits beside the document, same origin and token', () => {
    expect(logoutUrlFor(`http://127.0.0.1:5170/provisioning/${TOKEN}.json`)).toBe(`http://127.0.0.1:5170/provisioning/${TOKEN}/logout`);
    expect(logoutUrlFor(`https://[::1]:8443/provisioning/${TOKEN}.json?x=1#y`)).toBe(`https://[::1]:8443/provisioning/${TOKEN}/logout`);
  });

  it('does not exist for URLs of another kind', () => {
    expect(logoutUrlFor('http://10.0.0.9/phones/hd4.json')).toBeNull();
    expect(logoutUrlFor('http://10.0.0.9/provisioning/short.json')).toBeNull();
    expect(logoutUrlFor(`ftp://x/provisioning/${TOKEN}.json`)).toBeNull();
    expect(logoutUrlFor('not a url')).toBeNull();
  });

  it('has a body with the reason only', () => {
    expect(logoutRequestBodySchema.safeParse({ reason: 'user' }).success).toBe(true);
    expect(logoutRequestBodySchema.safeParse({ reason: 'auto' }).success).toBe(true);
    expect(logoutRequestBodySchema.safeParse({ reason: 'admin' }).success).toBe(false);
    expect(logoutRequestBodySchema.safeParse({ reason: 'user', extra: 1 }).success).toBe(false);
  });
});
