import { describe, expect, it } from 'vitest';
import { BridgeError, toBridgeError } from '../../../shared/contracts';

describe('toBridgeError', () => {
  it('keeps a BridgeError as it is', () => {
    const error = new BridgeError('forbidden', 'Forbidden');
    expect(toBridgeError(error, 'failed')).toBe(error);
    expect(toBridgeError(error, 'failed', { trusted: true })).toBe(error);
  });

  it("never passes on an untrusted error's message", () => {
    expect(toBridgeError(new Error('cannot open /home/kiosk/secret'), 'failed')).toEqual(new BridgeError('internal', 'failed'));
    expect(toBridgeError('a string', 'failed')).toEqual(new BridgeError('internal', 'failed'));
  });

  it("keeps a trusted error's message and a known code", () => {
    expect(toBridgeError(Object.assign(new Error('closed'), { code: 'not-found' }), 'failed', { trusted: true })).toEqual(new BridgeError('not-found', 'closed'));
    expect(toBridgeError(Object.assign(new Error(''), { code: 'EPIPE' }), 'failed', { trusted: true })).toEqual(new BridgeError('internal', 'failed'));
  });
});
