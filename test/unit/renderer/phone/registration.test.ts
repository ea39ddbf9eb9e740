import { describe, expect, it } from 'vitest';
import {
  CONNECTION_RECOVERY_S,
  nextRegistration,
  registerRetryDelay,
  type RegistrationState,
  type UaSignal,
} from '../../../../renderer/src/phone/registration';

function run(signals: Array<[UaSignal, boolean]>, from: RegistrationState = 'unregistered'): RegistrationState[] {
  const states: RegistrationState[] = [];
  let state = from;
  for (const [signal, connected] of signals) {
    state = nextRegistration(state, signal, connected);
    states.push(state);
  }
  return states;
}

describe('registration lamp', () => {
  it('goes Registering… → Registered on a normal start', () => {
    expect(
      run([
        ['started', false],
        ['connecting', false],
        ['connected', true],
        ['registered', true],
      ]),
    ).toEqual(['registering', 'registering', 'registering', 'registered']);
  });

  it('shows No service when the socket drops, and stays there through reconnect attempts', () => {
    expect(
      run(
        [
          ['disconnected', false],
          ['unregistered', false],
          ['connecting', false],
          ['disconnected', false],
          ['connecting', false],
        ],
        'registered',
      ),
    ).toEqual(['no-service', 'no-service', 'no-service', 'no-service', 'no-service']);
  });

  it('is Registering… again once a socket is up, then Registered', () => {
    expect(
      run(
        [
          ['connected', true],
          ['registered', true],
        ],
        'no-service',
      ),
    ).toEqual(['registering', 'registered']);
  });

  it('a refused REGISTER is No service; a binding dropped while connected is re-registering', () => {
    expect(nextRegistration('registering', 'registration-failed', true)).toBe('no-service');
    expect(nextRegistration('registered', 'unregistered', true)).toBe('registering');
  });

  it('a reconnect does not dim a registered lamp before anything failed', () => {
    expect(nextRegistration('registered', 'connecting', false)).toBe('registered');
    expect(nextRegistration('registered', 'connected', true)).toBe('registered');
  });
});

describe('registration backoff', () => {
  const middle = () => 0.5;

  it('starts at 2 s and doubles up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => registerRetryDelay(attempt, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads retries by ±20 %', () => {
    expect(registerRetryDelay(0, () => 0)).toBe(1_600);
    expect(registerRetryDelay(0, () => 0.999999)).toBe(2_400);
    expect(registerRetryDelay(20, () => 0.999999)).toBe(72_000);
  });

  it("JsSIP's own connection recovery uses the same 2 s → 60 s range", () => {
    expect(CONNECTION_RECOVERY_S).toEqual({ min: 2, max: 60 });
  });
});
