import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError, createConsoleApi, toConsoleApiError } from '../../../../renderer/admin/api/apiClient';

function answer(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe("the console's API client", () => {
  it('sends JSON with the console header and the cookie, and reads JSON', async () => {
    const fetch = answer(201, { name: 'HD0004' });
    const api = createConsoleApi({ fetch });
    expect(await api.post('/devices', { mac: '02:00:00:00:00:04' })).toEqual({ name: 'HD0004' });
    const [url, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/devices');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"mac":"02:00:00:00:00:04"}' });
    expect(init.headers).toMatchObject({ 'X-Hotdesk-Console': '1', 'Content-Type': 'application/json' });
  });

  it("maps the API's validation errors to field errors, the first message per field", async () => {
    const body = { error: { code: 'validation', message: 'Invalid request body — …', fields: [{ field: 'sbc.port', message: 'too big' }, { field: 'sbc.port', message: 'second' }, { field: 'options.dispatchableLocation.floor', message: 'too long' }] } };
    const api = createConsoleApi({ fetch: answer(400, body) });
    const error = await api.post('/devices', {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ConsoleApiError);
    const apiError = error as ConsoleApiError;
    expect([apiError.status, apiError.code]).toEqual([400, 'validation']);
    expect(apiError.fieldError('sbc.port')).toBe('too big');
    expect(apiError.fieldError('options')).toBe('dispatchableLocation.floor: too long');
    expect(apiError.fieldError('mac')).toBeNull();
  });

  it('keeps the HTTP status for an answer that is not the error shape, and says when the PBX cannot be reached', async () => {
    expect(toConsoleApiError(502, 'Bad Gateway', '<html>')).toMatchObject({ status: 502, code: 'http', message: '502 Bad Gateway' });
    const offline = createConsoleApi({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(offline.get('/devices')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('reports a 401 as the end of the session, except for the session check itself', async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: 'authentication-required', message: 'sign in again' } };
    await createConsoleApi({ fetch: answer(401, body), onUnauthorized }).get('/session').catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await createConsoleApi({ fetch: answer(401, body), onUnauthorized }).get('/devices').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
