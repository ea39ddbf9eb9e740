import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUa, startAndRegister, stopUa, type Ua } from '../support/jssipNode';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;
const uas: Ua[] = [];

beforeAll(async () => {
  server = await startTestPbx();
});
afterEach(async () => {
  await Promise.all(uas.splice(0).map(stopUa));
});
afterAll(async () => {
  await server.stop();
});

function ua(user: string, password: string): Ua {
  const created = createUa({ wsUrl: server.wsUrl, user, password, register: true });
  uas.push(created);
  return created;
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('registrar with JsSIP over a real WebSocket', () => {
  it('registers an extension with digest auth and lists the binding', async () => {
    expect(await startAndRegister(ua('101', 'sip-101'))).toEqual({ registered: true });
    const bindings = server.pbx.sip.bindingsOf('101');
    expect(bindings).toHaveLength(1);
    expect(bindings[0]?.contact).toMatch(/^sip:.+@.+\.invalid;transport=ws$/);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await startAndRegister(ua('101', 'not-the-password'));
    const unknown = await startAndRegister(ua('777', 'sip-777'));
    expect(wrong).toMatchObject({ registered: false, status: 401 });
    expect(unknown).toEqual({ ...wrong });
    expect(server.pbx.sip.bindingsOf('777')).toEqual([]);
  });

  it('unregisters', async () => {
    const alice = ua('100', 'sip-100');
    await startAndRegister(alice);
    expect(server.pbx.sip.bindingsOf('100')).toHaveLength(1);
    const unregistered = new Promise((resolve) => alice.once('unregistered', resolve));
    alice.unregister();
    await unregistered;
    expect(server.pbx.sip.bindingsOf('100')).toEqual([]);
  });

  it('keeps several contacts per user and drops a binding when its WebSocket closes', async () => {
    const first = ua('102', 'sip-102');
    const second = ua('102', 'sip-102');
    await startAndRegister(first);
    await startAndRegister(second);
    expect(server.pbx.sip.bindingsOf('102')).toHaveLength(2);
    first.stop();
    await waitFor(() => server.pbx.sip.bindingsOf('102').length === 1);
    expect(server.pbx.sip.bindingsOf('102')).toHaveLength(1);
  });

  it('answers OPTIONS with its capabilities', async () => {
    const bob = ua('101', 'sip-101');
    await startAndRegister(bob);
    const response = await new Promise<{ status_code: number; getHeader(name: string): string }>((resolve, reject) => {
      // sendOptions exists in JsSIP 3.13 but is missing from its type declarations.
      (bob as unknown as { sendOptions: (target: string, body: undefined, options: object) => void }).sendOptions('sip:hotdesk.local', undefined, {
        eventHandlers: { succeeded: (event: { response: never }) => resolve(event.response), failed: reject },
      });
    });
    expect(response.status_code).toBe(200);
    expect(response.getHeader('Allow')).toContain('INVITE');
  });

  it('relays a MESSAGE between two registered users', async () => {
    const bob = ua('101', 'sip-101');
    const carol = ua('102', 'sip-102');
    await startAndRegister(bob);
    await startAndRegister(carol);
    const received = new Promise<string>((resolve) => {
      carol.on('newMessage', (event: { originator: string; request: { body: string } }) => {
        if (event.originator === 'remote') resolve(event.request.body);
      });
    });
    const sent = new Promise<number>((resolve, reject) => {
      bob.sendMessage('sip:102@hotdesk.local', 'Coffee at 3?', {
        eventHandlers: { succeeded: (event: { response: { status_code: number } }) => resolve(event.response.status_code), failed: reject },
      });
    });
    expect(await received).toBe('Coffee at 3?');
    expect(await sent).toBe(200);
  });

  it('answers 404 for a MESSAGE to an unknown user and 480 for one not registered', async () => {
    const bob = ua('101', 'sip-101');
    await startAndRegister(bob);
    const statusOf = (target: string) =>
      new Promise<number>((resolve) => {
        bob.sendMessage(target, 'hello', {
          eventHandlers: {
            succeeded: () => resolve(200),
            failed: (event: { response?: { status_code: number } }) => resolve(event.response?.status_code ?? 0),
          },
        });
      });
    expect(await statusOf('sip:555@hotdesk.local')).toBe(404);
    expect(await statusOf('sip:105@hotdesk.local')).toBe(480);
  });
});
