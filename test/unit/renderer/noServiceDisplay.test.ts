import { describe, expect, it } from 'vitest';
import { describeDisplay, type DisplayInput, NO_EMERGENCY_CALLS } from '../../../renderer/src/features/phone/displayModel';
import { newCall } from '../../../renderer/src/phone/callView';

const idle: DisplayInput = {
  status: 'ready',
  error: null,
  mac: '02:00:00:00:00:01',
  identity: { kind: 'pool', name: 'HD0001' },
  caption: null,
  connection: 'open',
  registration: 'registered',
};

describe('the display without SIP service', () => {
  it('says plainly that emergency calls are not possible, before whatever else it says', () => {
    expect(NO_EMERGENCY_CALLS).toBe('Emergency calls are not possible from this device right now');
    expect(describeDisplay({ ...idle, registration: 'no-service' })).toMatchObject({ caption: `${NO_EMERGENCY_CALLS} · Dial *77*<ext>* to log in`, tone: 'warning' });
    const refused = { ...idle, registration: 'no-service' as const, caption: { text: 'Cannot call 200', tone: 'error' as const } };
    expect(describeDisplay(refused)).toMatchObject({ caption: `${NO_EMERGENCY_CALLS} · Cannot call 200`, tone: 'error' });
  });

  it('says so on a device with no SIP account yet (not provisioned)', () => {
    const unprovisioned = { ...idle, identity: null, registration: 'unregistered' as const };
    expect(describeDisplay(unprovisioned).caption).toBe(`${NO_EMERGENCY_CALLS} · MAC 02:00:00:00:00:01 — waiting for the administrator`);
  });

  it('says nothing of it while registered or registering, during a call, or before the device is ready', () => {
    expect(describeDisplay(idle).caption).toBe('Dial *77*<ext>* to log in');
    expect(describeDisplay({ ...idle, registration: 'registering' }).caption).not.toContain(NO_EMERGENCY_CALLS);
    expect(describeDisplay({ ...idle, registration: 'no-service', call: newCall('c', 'outgoing', '911') }).caption).not.toContain(NO_EMERGENCY_CALLS);
    expect(describeDisplay({ ...idle, status: 'starting', registration: 'unregistered' }).caption).not.toContain(NO_EMERGENCY_CALLS);
  });
});
