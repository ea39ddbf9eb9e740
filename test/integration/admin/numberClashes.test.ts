import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/apiServer';

// An emergency number is matched before anything else on every device: one that is also an extension would send that
// user's calls to the emergency operator. The API refuses such a clash in both directions, naming it.

let server: ApiServer;
afterEach(async () => server?.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('admin API: emergency numbers and the numbering plan', () => {
  it('refuses an existing extension as a new device’s emergency number (409 naming the extension), and creates nothing', async () => {
    server = await startApiServer();
    const refused = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:44', options: { emergencyNumbers: ['112', '100'] } } });
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      error: {
        code: 'conflict',
        message: '100 cannot be an emergency number: it is extension 100 (Alice Andrews)',
        fields: [{ field: 'options.emergencyNumbers', message: '100 cannot be an emergency number: it is extension 100 (Alice Andrews)' }],
        details: { number: '100', clash: 'extension 100 (Alice Andrews)' },
      },
    });
    expect(server.hotDesk.devices.findByMac('02:00:00:00:00:44')).toBeNull();
  });

  it('refuses it on a device PATCH too, and leaves the device as it was', async () => {
    server = await startApiServer();
    const refused = await server.request('PATCH', '/api/v1/devices/HD0001', { body: { options: { emergencyNumbers: ['105'] } } });
    expect([refused.status, (refused.json as Json).error.message]).toEqual([409, '105 cannot be an emergency number: it is extension 105 (Frank Foster)']);
    expect(server.hotDesk.devices.get('HD0001')?.options.emergencyNumbers).toEqual(['911', '112', '999']);
    const fine = await server.request('PATCH', '/api/v1/devices/HD0001', { body: { options: { emergencyNumbers: ['112', '118'] } } });
    expect(fine.status).toBe(200);
  });

  it('refuses an extension that would take an emergency number, saying whose', async () => {
    server = await startApiServer();
    expect((await server.request('PATCH', '/api/v1/devices/HD0002', { body: { options: { emergencyNumbers: ['118'] } } })).status).toBe(200);
    const onDevice = await server.request('POST', '/api/v1/extensions', { body: { extension: '118', name: 'Gina Green' } });
    expect([onDevice.status, (onDevice.json as Json).error]).toEqual([
      409,
      { code: 'conflict', message: '118 is reserved: it is an emergency number of HD0002', fields: [{ field: 'extension', message: '118 is reserved: it is an emergency number of HD0002' }], details: { number: '118', clash: 'an emergency number of HD0002' } },
    ]);
    const byDefault = await server.request('POST', '/api/v1/extensions', { body: { extension: '911', name: 'Gina Green' } });
    expect([byDefault.status, (byDefault.json as Json).error.message]).toEqual([409, '911 is reserved: it is a default emergency number']);
    expect(server.hotDesk.extensions.get('118')).toBeNull();
  });
});
