import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../../shared/contracts';
import { AdminPin, DEMO_ADMIN_PIN, type AdminPinStorage } from '../../../../electron/host/security/adminPin';
import { ADMIN_PIN_THROTTLE, AttemptThrottle, type ThrottleState } from '../../../../electron/host/security/attemptThrottle';
import { ValidatedSettingsStore } from '../../../../electron/host/settings/settingsStore';
import { hashPin, pinMatches, type PinHash } from '../../../../electron/host/security/pinHash';

const COST = { N: 2 ** 10, r: 8, p: 1 };

class MemoryStorage implements AdminPinStorage {
  hash: PinHash | null = null;
  lock: ThrottleState | null = null;
  adminPinHash() {
    return this.hash;
  }
  setAdminPinHash(hash: PinHash) {
    this.hash = hash;
  }
  adminPinLock() {
    return this.lock;
  }
  setAdminPinLock(state: ThrottleState) {
    this.lock = state;
  }
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).code).toBe('unauthorized');
  return (error as BridgeError).message;
}

describe('pin hashes', () => {
  it('are salted scrypt: the same PIN hashes differently and verifies, a wrong one does not', async () => {
    const [a, b] = [await hashPin('123456', COST), await hashPin('123456', COST)];
    expect(a).toMatchObject({ algorithm: 'scrypt', ...COST });
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('123456', a)).toBe(true);
    expect(await pinMatches('123457', a)).toBe(false);
    // A tampered file asking for a gigabyte of memory never matches.
    expect(await pinMatches('123456', { ...a, N: 2 ** 24 })).toBe(false);
  });
});

describe('the admin PIN', () => {
  it('is the documented demo PIN in demo mode until one is set, and nothing is stored for it', async () => {
    const storage = new MemoryStorage();
    const { adminPin, generatedPin } = await AdminPin.open({ storage, mode: 'demo', cost: COST });
    expect(generatedPin).toBeNull();
    expect(storage.hash).toBeNull();
    await adminPin.verify(DEMO_ADMIN_PIN);
    expect(await refusal(adminPin.verify(undefined))).toBe('This change needs the admin PIN');
    expect(await refusal(adminPin.verify('1111'))).toBe('Wrong admin PIN');
  });

  it('is made up on the first start of site mode, stored only as a hash, and the demo PIN does not open it', async () => {
    const storage = new MemoryStorage();
    const { adminPin, generatedPin } = await AdminPin.open({ storage, mode: 'site', cost: COST });
    expect(generatedPin).toMatch(/^\d{8}$/);
    expect(JSON.stringify(storage.hash)).not.toContain(generatedPin);
    await adminPin.verify(generatedPin as string);
    expect(await refusal(adminPin.verify(DEMO_ADMIN_PIN))).toBe('Wrong admin PIN');
    expect((await AdminPin.open({ storage, mode: 'site', cost: COST })).generatedPin).toBeNull();
  });

  it('changes: the old PIN stops working, the new one works', async () => {
    const storage = new MemoryStorage();
    const adminPin = new AdminPin({ storage, mode: 'demo', cost: COST });
    await adminPin.change('2468');
    await adminPin.verify('2468');
    expect(await refusal(adminPin.verify(DEMO_ADMIN_PIN))).toBe('Wrong admin PIN');
  });

  it('locks after five wrong PINs, even a burst sent at once, and lets the right one in after the lockout', async () => {
    let now = 1_000_000;
    const storage = new MemoryStorage();
    const throttle = { maxFailures: 5, lockMs: 30_000, maxLockMs: 15 * 60_000, now: () => now };
    const adminPin = new AdminPin({ storage, mode: 'demo', cost: COST, throttle });
    const burst = await Promise.all(Array.from({ length: 7 }, (_, i) => refusal(adminPin.verify(`111${i}`))));
    expect(burst).toEqual([...Array(5).fill('Wrong admin PIN'), ...Array(2).fill('Too many wrong admin PINs; try again in 30 s')]);
    expect(await refusal(adminPin.verify(DEMO_ADMIN_PIN))).toBe('Too many wrong admin PINs; try again in 30 s');
    now += 30_000;
    await adminPin.verify(DEMO_ADMIN_PIN);
  });
});

describe('the admin PIN lockout', () => {
  it('locks the settings for 5 minutes after 5 wrong PINs, and a restart of the host (settings.json read again) does not lift it', async () => {
    let now = 1_700_000_000_000;
    const file: { path: string; store: Record<string, unknown> } = { path: 'mem', store: {} };
    const open = () => new AdminPin({ storage: new ValidatedSettingsStore(file), mode: 'demo', cost: COST, throttle: { ...ADMIN_PIN_THROTTLE, now: () => now } });
    const first = open();
    for (let i = 0; i < 4; i += 1) expect(await refusal(first.verify('1234'))).toBe('Wrong admin PIN');
    // Four wrong PINs, a restart, one more: that is the fifth.
    const second = open();
    expect(await refusal(second.verify('1234'))).toBe('Wrong admin PIN');
    expect(await refusal(second.verify(DEMO_ADMIN_PIN))).toBe('Too many wrong admin PINs; try again in 5 min');
    const afterRestart = open();
    expect(await refusal(afterRestart.verify(DEMO_ADMIN_PIN))).toBe('Too many wrong admin PINs; try again in 5 min');
    now += 5 * 60_000 - 1000;
    expect(await refusal(afterRestart.verify(DEMO_ADMIN_PIN))).toBe('Too many wrong admin PINs; try again in 1 s');
    now += 1000;
    await afterRestart.verify(DEMO_ADMIN_PIN);
    expect(file.store.adminPinLock).toEqual({ failures: 0, lockedUntil: 0, lockouts: 0 });
  });

  it('keeps the count and the lock out of every bridge view', () => {
    const store = new ValidatedSettingsStore({ path: 'mem', store: {} });
    store.setAdminPinLock({ failures: 3, lockedUntil: 5, lockouts: 1 });
    expect(JSON.stringify(store.view())).not.toContain('adminPinLock');
    expect(store.adminPinLock()).toEqual({ failures: 3, lockedUntil: 5, lockouts: 1 });
  });
});

describe('AttemptThrottle', () => {
  it('doubles each lockout up to the cap, and a success starts over', () => {
    let now = 0;
    const throttle = new AttemptThrottle({ maxFailures: 2, lockMs: 1000, maxLockMs: 3000, now: () => now });
    const lockAfterTwoFailures = () => {
      throttle.failed();
      expect(throttle.waitMs()).toBe(0);
      throttle.failed();
      const wait = throttle.waitMs();
      now += wait;
      return wait;
    };
    expect([lockAfterTwoFailures(), lockAfterTwoFailures(), lockAfterTwoFailures(), lockAfterTwoFailures()]).toEqual([1000, 2000, 3000, 3000]);
    throttle.succeeded();
    expect(lockAfterTwoFailures()).toBe(1000);
  });
});
