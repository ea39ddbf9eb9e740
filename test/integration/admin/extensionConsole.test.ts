import { afterEach, describe, expect, it } from 'vitest';
import { checkPin } from '../../../shared/domain/pinPolicy';
import { ADMIN, startApiServer, type ApiServer } from './support/apiServer';
import { EventStreamClient } from './support/eventStreamClient';

let server: ApiServer;
afterEach(async () => server?.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const numbers = (json: unknown) => ((json as Json).extensions as Json[]).map((entry) => entry.extension as string);

describe('admin API: what the Extensions page needs', () => {
  it('searches extensions by number or by any part of the name, in any case', async () => {
    server = await startApiServer();
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=10')).json)).toEqual(['100', '101', '102', '103', '104', '105']);
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=103')).json)).toEqual(['103']);
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=bROWN')).json)).toEqual(['101']);
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=%20chen%20')).json)).toEqual(['102']);
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=nobody')).json)).toEqual([]);
    expect(numbers((await server.request('GET', '/api/v1/extensions?q=')).json)).toHaveLength(6);
    const tooLong = await server.request('GET', `/api/v1/extensions?q=${'a'.repeat(65)}`);
    expect([tooLong.status, (tooLong.json as Json).error.fields[0].field]).toEqual([400, 'q']);
    expect((await server.request('GET', '/api/v1/extensions?q=a%00b')).status).toBe(400);
    expect((await server.request('GET', '/api/v1/extensions?name=Alice')).json).toMatchObject({ error: { code: 'validation' } });
  });

  it('enables hot desking for several extensions in one write, each audited and pushed; an unknown one changes nothing', async () => {
    server = await startApiServer();
    await server.request('POST', '/api/v1/extensions', { body: { extension: '106', name: 'Gina Green' } });
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('connected'));

    const refused = await server.request('POST', '/api/v1/extensions/hot-desking', { body: { extensions: ['104', '999', '106'], enabled: true } });
    expect(refused.json).toMatchObject({ error: { code: 'not-found', message: 'No extension 999', details: { missing: ['999'] } } });
    expect(refused.status).toBe(404);
    expect([server.hotDesk.extensions.get('104')?.hotDesking, server.hotDesk.extensions.get('106')?.hotDesking]).toEqual([false, false]);

    const enabled = await server.request('POST', '/api/v1/extensions/hot-desking', { body: { extensions: ['106', '104'], enabled: true } });
    expect(enabled.status).toBe(200);
    expect(((enabled.json as Json).extensions as Json[]).map((entry) => [entry.extension, entry.hotDesking])).toEqual([['106', true], ['104', true]]);
    await stream.until(() => stream.events.filter((event) => event.event === 'extension.updated').length >= 2);
    expect(stream.events.filter((event) => event.event === 'extension.updated').map((event) => [(event.data as Json).extension, (event.data as Json).item.hotDesking])).toEqual([
      ['106', true],
      ['104', true],
    ]);
    expect(server.hotDesk.audit.list({ kinds: ['extension.updated'] }).map((event) => [event.actor, event.extension, event.detail])).toEqual([
      ['admin', '106', 'hotDesking'],
      ['admin', '104', 'hotDesking'],
    ]);
    stream.close();

    for (const body of [{ extensions: [], enabled: true }, { extensions: ['104', '104'], enabled: true }, { extensions: ['104'] }, { extensions: ['1x'], enabled: false }]) {
      expect((await server.request('POST', '/api/v1/extensions/hot-desking', { body })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('resets a PIN: a new PIN the policy accepts, answered once, stored hashed, audited without the PIN', async () => {
    server = await startApiServer();
    await server.request('PATCH', '/api/v1/settings', { body: { pinMinLength: 8 } });
    const reset = await server.request('POST', '/api/v1/extensions/101/pin');
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    const { extension, pin } = reset.json as { extension: string; pin: string };
    expect(extension).toBe('101');
    expect(pin).toMatch(/^[0-9]{8}$/);
    expect(checkPin(pin, '101', { minLength: 8 })).toEqual({ ok: true });
    expect(await server.hotDesk.extensions.verifyPin('101', pin)).toBe(true);
    expect(await server.hotDesk.extensions.verifyPin('101', '739104')).toBe(false); // the old demo PIN is gone
    expect(JSON.stringify(server.hotDesk.store.extensions.read())).not.toContain(pin);
    const shown = await server.request('GET', '/api/v1/extensions/101');
    expect([shown.text.includes(pin), (shown.json as Json).pinSet]).toEqual([false, true]);
    const audit = server.hotDesk.audit.list({ kinds: ['extension.updated'] });
    expect(audit.map((event) => [event.extension, event.detail])).toEqual([['101', 'pin reset']]);

    const again = (await server.request('POST', '/api/v1/extensions/101/pin')).json as { pin: string };
    expect(again.pin).not.toBe(pin);
    expect((await server.request('POST', '/api/v1/extensions/999/pin')).status).toBe(404);
    expect((await server.request('POST', '/api/v1/extensions/101/pin', { auth: null })).status).toBe(401);
    expect((await server.request('POST', '/api/v1/extensions/101/pin', { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
  });
});
