import { afterEach, describe, expect, it } from 'vitest';
import type { Mac } from '../../../shared/domain/mac';
import { ADMIN, startApiServer, type ApiServer } from './support/apiServer';
import { EventStreamClient } from './support/eventStreamClient';

let server: ApiServer;
afterEach(async () => server?.stop());

describe('admin API: live updates (server-sent events)', () => {
  it('pushes device, phone and extension changes as they happen', async () => {
    server = await startApiServer();
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await stream.until(() => stream.comments.includes('connected'));

    await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' } });
    await stream.until(() => stream.events.length >= 1);
    expect(stream.events[0]).toMatchObject({ id: '1', event: 'device.created', data: { type: 'device.created', name: 'HD0004', item: { name: 'HD0004', status: 'offline' } } });

    await server.hotDesk.pendingPhones.upsert({ mac: '02:00:00:00:00:04' as Mac, userAgent: 'Hotdesk/0.1', seenAt: new Date() });
    await server.request('PATCH', '/api/v1/extensions/100', { body: { hotDesking: false } });
    await server.request('DELETE', '/api/v1/devices/HD0004');
    await stream.until(() => stream.events.length >= 4);
    expect(stream.events.slice(1).map((event) => [event.event, (event.data as { item: unknown }).item === null])).toEqual([
      ['phone.pending', false],
      ['extension.updated', false],
      ['device.deleted', true],
    ]);
    expect(stream.events[2]?.data).toMatchObject({ extension: '100', item: { hotDesking: false } });
    stream.close();
  });

  it('sends a heartbeat comment and ends the stream cleanly when the API closes', async () => {
    server = await startApiServer({ heartbeatMs: 20 });
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('heartbeat'));
    server.api.close();
    await stream.until(() => stream.ended);
    expect(stream.ended).toBe(true);
  });

  it('needs credentials like every other route', async () => {
    server = await startApiServer();
    const response = await fetch(`${server.origin}/api/v1/events`);
    expect(response.status).toBe(401);
  });
});
