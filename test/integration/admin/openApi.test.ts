import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mac } from '../../../shared/domain/mac';
import type { CallbackRequest } from '../../../electron/pbx/core';
import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import { Router } from '../../../electron/pbx/admin/router';
import { testLicence } from '../../unit/pbx/hotdesk/support';
import { DeviceKey } from '../../../electron/host/identity/deviceKey';
import { validate } from './support/jsonSchema';
import { startApiServer, type ApiServer, type Exchange } from './support/apiServer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

let server: ApiServer;
let doc: Json;

beforeAll(async () => {
  server = await startApiServer({ hooks: { logout: (name) => (name === 'HD0004' ? 'logged-out' : 'not-logged-in'), emergencyCallback } });
  doc = (await server.request('GET', '/api/v1/openapi.json', { auth: null })).json as Json;
});
afterAll(async () => server.stop());

const EMERGENCY_CALL = { id: 'callRinging1', number: '911', at: '2026-01-02T03:04:05.000Z', caller: 'sip:HD0001@hotdesk.local', device: { name: 'HD0001', mac: '02:00:00:00:00:01' }, user: null, location: null };

/** The SIP side of a callback as the admin API sees it: one call that rings, one whose desk is offline. */
function emergencyCallback(id: string): CallbackRequest {
  if (id === EMERGENCY_CALL.id) return { kind: 'ringing', call: EMERGENCY_CALL, device: 'HD0001', as: 'HD0001' };
  return id === 'callOffline1' ? { kind: 'offline', device: 'HD0002' } : { kind: 'unknown' };
}

/** Real requests covering every route: the ones that succeed and some that fail. */
async function exerciseEveryRoute(): Promise<void> {
  const { request, hotDesk } = server;
  await hotDesk.pendingPhones.upsert({ mac: '02:00:00:00:00:04' as Mac, userAgent: 'Hotdesk/0.1', vendor: 'Hotdesk', publicKey: DeviceKey.generate().publicKey, seenAt: new Date() });
  await hotDesk.pendingPhones.upsert({ mac: '02:00:00:00:00:05' as Mac, userAgent: 'Hotdesk/0.1', seenAt: new Date() });
  await request('GET', '/api/v1/devices');
  await request('POST', '/api/v1/devices', {
    body: { mac: '02:00:00:00:00:04', provisioning: 'pnp', sbc: { host: 'sbc.example.com', port: 5061 }, template: null, options: { location: 'Desk 4', timeZone: 'Europe/Paris', timeFormat: '12h', keysPerPage: 8, emergencyNumbers: ['112'], language: 'fr', ringTone: 'chime', autoLogout: { idleMinutes: 30, maxSessionMinutes: 600, dailyAt: '19:00' } } },
  });
  await request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:06' } });
  await request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:07', template: 'custom' } });
  await request('GET', '/api/v1/devices/HD0004');
  await request('PATCH', '/api/v1/devices/HD0004', { body: { sbc: null, provisioning: 'url', options: { autoLogout: { dailyAt: null } } } });
  await request('PATCH', '/api/v1/devices/HD0005', { body: { mac: '02:00:00:00:00:08' } });
  await request('POST', '/api/v1/devices/HD0004/logout');
  await request('POST', '/api/v1/devices/HD0001/logout');
  await request('GET', '/api/v1/phones');
  await request('POST', '/api/v1/phones/02:00:00:00:00:04/assign', { body: { device: 'HD0004' } });
  await request('POST', '/api/v1/phones/02:00:00:00:00:05/assign', { body: { device: 'HD0001' } });
  await request('DELETE', '/api/v1/phones/02:00:00:00:00:05');
  await request('DELETE', '/api/v1/devices/HD0005');
  await request('GET', '/api/v1/extensions');
  await request('POST', '/api/v1/extensions', { body: { extension: '106', name: 'Gina Green', hotDesking: true, pin: '730195', blf: [{ type: 'blf', extension: '100', label: 'Alice' }, null] } });
  await request('POST', '/api/v1/extensions', { body: { extension: '107', name: 'Hal Hill' } });
  await request('GET', '/api/v1/extensions?q=gina');
  await request('GET', '/api/v1/extensions?q=' + 'x'.repeat(65));
  await request('POST', '/api/v1/extensions/hot-desking', { body: { extensions: ['107', '104'], enabled: true } });
  await request('POST', '/api/v1/extensions/hot-desking', { body: { extensions: ['999'], enabled: true } });
  await request('POST', '/api/v1/extensions/107/pin');
  await request('POST', '/api/v1/extensions/999/pin');
  await request('GET', '/api/v1/extensions/106');
  await request('PATCH', '/api/v1/extensions/106', { body: { name: 'Gina G.', hotDesking: false, pin: '804417', blf: [{ type: 'speed-dial', number: '0', label: 'Reception' }, { type: 'line', label: 'Line' }, null] } });
  await request('PATCH', '/api/v1/extensions/107', { body: { pin: null } });
  await request('PATCH', '/api/v1/extensions/107', { body: { pin: '111111' } });
  await request('DELETE', '/api/v1/extensions/107');
  await request('GET', '/api/v1/dial-codes');
  await request('PUT', '/api/v1/dial-codes', { body: { ...DEFAULT_DIAL_CODES, voicemail: '*98' } });
  await request('PUT', '/api/v1/dial-codes', { body: { ...DEFAULT_DIAL_CODES, pickup: '*71' } });
  await request('GET', '/api/v1/settings');
  await request('PATCH', '/api/v1/settings', { body: { pinMinLength: 6 } });
  await request('GET', '/api/v1/licence');
  await request('PUT', '/api/v1/licence', { body: { token: testLicence({ edition: 'enterprise', expires: '2099-12-31', maxHotDeskDevices: 100 }) } });
  await request('PUT', '/api/v1/licence', { body: { token: 'not-a-licence' } });
  await request('GET', '/api/v1/prompts');
  await request('POST', '/api/v1/prompts/update');
  await request('GET', '/api/v1/audit');
  await request('GET', '/api/v1/audit?since=2020-01-01T00:00:00Z&until=2100-01-01T00:00:00Z&kind=device.created,phone.assigned&limit=10');
  await request('GET', '/api/v1/audit?format=csv');
  await request('POST', `/api/v1/emergency/${EMERGENCY_CALL.id}/callback`);
  await request('POST', '/api/v1/emergency/callOffline1/callback');
  await request('POST', '/api/v1/emergency/no-such-call/callback');
  await request('GET', '/api/v1/devices/HD0099');
  await request('GET', '/api/v1/devices', { auth: null });
  await request('POST', '/api/v1/session', { auth: null, body: { user: 'admin', password: 'admin' }, headers: { 'X-Hotdesk-Console': '1' } });
  await request('POST', '/api/v1/session', { auth: null, body: { user: 'admin', password: 'wrong' }, headers: { 'X-Hotdesk-Console': '1' } });
  await request('GET', '/api/v1/session');
  await request('DELETE', '/api/v1/session', { auth: null, headers: { 'X-Hotdesk-Console': '1' } });
}

function operationFor(exchange: Exchange): { template: string; operation: Json } {
  const router = new Router(server.api.routes);
  const match = router.match(exchange.method, new URL(exchange.path, 'http://x').pathname);
  if (match.kind !== 'route') throw new Error(`no route for ${exchange.method} ${exchange.path}`);
  const operation = doc.paths[match.route.path]?.[exchange.method.toLowerCase()] as Json | undefined;
  if (!operation) throw new Error(`undocumented: ${exchange.method} ${match.route.path}`);
  return { template: match.route.path, operation };
}

function resolve(node: Json): Json {
  return typeof node.$ref === 'string' ? (node.$ref.replace(/^#\//, '').split('/').reduce((at: Json, part: string) => at[part], doc) as Json) : node;
}

describe('the OpenAPI document (/api/v1/openapi.json)', () => {
  it('is OpenAPI 3.1 with Basic auth, and documents exactly the routes the router serves, methods included', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.basicAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'basic' }));
    const served = server.api.routes.map((entry) => `${entry.method} ${entry.path}`).sort();
    const documented = Object.entries(doc.paths as Record<string, Json>)
      .flatMap(([path, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(new Set(served).size).toBe(served.length);
  });

  it('documents a JSON request body exactly for the routes that take one', () => {
    for (const entry of server.api.routes) {
      const operation = doc.paths[entry.path][entry.method.toLowerCase()] as Json;
      expect(operation.requestBody !== undefined, `${entry.method} ${entry.path}`).toBe(entry.body !== undefined);
      expect(operation.security !== undefined && operation.security.length === 0, `${entry.method} ${entry.path} public`).toBe(entry.public === true);
    }
  });

  it('every real request the tests send fits its documented body schema, and every answer its documented response', async () => {
    await exerciseEveryRoute();
    const statusesSeen = new Set<string>();
    let bodiesChecked = 0;
    for (const exchange of server.exchanges) {
      const { template, operation } = operationFor(exchange);
      const label = `${exchange.method} ${exchange.path} → ${exchange.status}`;
      statusesSeen.add(`${exchange.method} ${template} ${exchange.status}`);
      if (exchange.requestBody !== undefined && exchange.status < 300) {
        const schema = resolve(operation.requestBody.content['application/json'].schema);
        expect(validate(schema, exchange.requestBody, doc), `request of ${label}`).toEqual([]);
        bodiesChecked += 1;
      }
      const documented = operation.responses[String(exchange.status)] as Json | undefined;
      expect(documented, `${label} is documented`).toBeDefined();
      const response = resolve(documented!);
      if (exchange.status === 204) {
        expect(response.content).toBeUndefined();
        continue;
      }
      const mediaType = exchange.contentType.split(';')[0]!;
      expect(Object.keys(response.content ?? {}), `${label} media type`).toContain(mediaType);
      if (mediaType === 'application/json' && template !== '/api/v1/openapi.json') {
        expect(validate(response.content[mediaType].schema, exchange.responseBody, doc), `response of ${label}`).toEqual([]);
      }
    }
    expect(bodiesChecked).toBeGreaterThanOrEqual(server.api.routes.filter((entry) => entry.body).length);
    // The event stream never ends, so it is not sent through the recording client; events.test.ts covers it.
    for (const entry of server.api.routes.filter((candidate) => candidate.path !== '/api/v1/events')) {
      const succeeded = [...statusesSeen].some((seen) => seen.startsWith(`${entry.method} ${entry.path} 2`));
      expect(succeeded, `${entry.method} ${entry.path} was exercised successfully`).toBe(true);
    }
  });

  it('the documented body schemas refuse what the API refuses', () => {
    const schema = (name: string) => doc.components.schemas[name] as Json;
    expect(validate(schema('DeviceCreate'), { mac: '02:00:00:00:00:09', colour: 'red' }, doc)).not.toEqual([]);
    expect(validate(schema('DeviceCreate'), { options: {} }, doc)).toContain('$: missing mac');
    expect(validate(schema('PhoneAssign'), { device: 'Desk 1' }, doc)).not.toEqual([]);
    expect(validate(schema('ExtensionPatch'), { blf: [{ type: 'blf', label: 'x' }] }, doc)).not.toEqual([]);
    expect(validate(schema('DialCodesPut'), { ...DEFAULT_DIAL_CODES, pickup: 'abc' }, doc)).not.toEqual([]);
    expect(validate(schema('SettingsPatch'), { pinMinLength: 3 }, doc)).not.toEqual([]);
    expect(validate(schema('HotDeskingBulk'), { extensions: [], enabled: true }, doc)).not.toEqual([]);
    expect(validate(schema('HotDeskingBulk'), { extensions: ['100'], enabled: 'yes' }, doc)).not.toEqual([]);
  });
});
