import { describe, expect, it } from 'vitest';
import { CALLBACK_WINDOW_MS, type EmergencyCallEvent, EmergencyRegistry } from '../../../../electron/pbx/core';

const call = (id: string, device: string | null): EmergencyCallEvent => ({
  id,
  number: '911',
  at: '2026-01-02T03:04:05.000Z',
  caller: 'sip:HD0001@hotdesk.local',
  device: device === null ? null : { name: device, mac: '02:00:00:00:00:01' },
  user: null,
  location: null,
});

describe('EmergencyRegistry (the callback window)', () => {
  it('keeps a call from a desk for 30 minutes, then forgets it and frees the desk', () => {
    let now = 1_000_000;
    const registry = new EmergencyRegistry(() => now);
    registry.record(call('a', 'HD0001'));
    expect(CALLBACK_WINDOW_MS).toBe(30 * 60_000);
    now += CALLBACK_WINDOW_MS - 1;
    expect(registry.find('a')?.device?.name).toBe('HD0001');
    expect(registry.holdsDesk('HD0001')).toBe(true);
    expect(registry.holdsDesk('HD0002')).toBe(false);
    now += 1;
    expect(registry.find('a')).toBeNull();
    expect(registry.holdsDesk('HD0001')).toBe(false);
  });

  it('keeps no call that could not be tied to a desk: there is nobody to call back', () => {
    const registry = new EmergencyRegistry(() => 0);
    registry.record(call('b', null));
    expect(registry.find('b')).toBeNull();
  });

  it('holds at most 1000 calls, dropping the oldest first', () => {
    const registry = new EmergencyRegistry(() => 0);
    for (let index = 0; index <= 1000; index++) registry.record(call(`c${index}`, 'HD0001'));
    expect(registry.find('c0')).toBeNull();
    expect(registry.find('c1')).not.toBeNull();
    expect(registry.find('c1000')).not.toBeNull();
  });
});
