import { describe, expect, it } from 'vitest';
import { parseBasicAuth } from '../../../../electron/pbx/admin/http/basicAuth';
import { isJsonContentType } from '../../../../electron/pbx/admin/http/readBody';
import { Router, route } from '../../../../electron/pbx/admin/router';
import { ApiError } from '../../../../electron/pbx/admin/http/apiError';

const ok = () => ({ status: 200 });

describe('Router', () => {
  const router = new Router([
    route({ method: 'GET', path: '/api/v1/devices', handle: ok }),
    route({ method: 'POST', path: '/api/v1/devices', handle: ok }),
    route({ method: 'GET', path: '/api/v1/devices/{name}', handle: ok }),
    route({ method: 'POST', path: '/api/v1/phones/{mac}/assign', handle: ok }),
  ]);

  it('matches templates and decodes parameters', () => {
    expect(router.match('GET', '/api/v1/devices/HD0001')).toMatchObject({ kind: 'route', params: { name: 'HD0001' } });
    expect(router.match('POST', '/api/v1/phones/02%3A00%3A00%3A00%3A00%3A04/assign')).toMatchObject({ params: { mac: '02:00:00:00:00:04' } });
  });

  it('tells a wrong method (405 with the allowed ones) from an unknown path', () => {
    expect(router.match('DELETE', '/api/v1/devices')).toEqual({ kind: 'method', allowed: ['GET', 'POST'] });
    expect(router.match('GET', '/api/v1/devices/HD0001/extra')).toEqual({ kind: 'none' });
    expect(router.match('GET', '/api/v1/devicesX')).toEqual({ kind: 'none' });
  });

  it('answers bad percent-encoding with a 400', () => {
    expect(() => router.match('GET', '/api/v1/devices/%E0%A4%A')).toThrow(ApiError);
  });
});

describe('HTTP helpers', () => {
  it('parses Basic credentials, passwords with colons included', () => {
    const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    expect(parseBasicAuth(header('admin:admin'))).toEqual({ user: 'admin', password: 'admin' });
    expect(parseBasicAuth(header('admin:a:b'))).toEqual({ user: 'admin', password: 'a:b' });
    expect(parseBasicAuth(header('no-colon'))).toBeNull();
    expect(parseBasicAuth('Bearer abc')).toBeNull();
    expect(parseBasicAuth(undefined)).toBeNull();
  });

  it('recognises JSON content types', () => {
    expect(['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', 'Application/JSON'].map(isJsonContentType)).toEqual([true, true, true, true]);
    expect(['text/plain', 'application/x-www-form-urlencoded', undefined].map(isJsonContentType)).toEqual([false, false, false]);
  });
});
