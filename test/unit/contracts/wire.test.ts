import { describe, expect, it } from 'vitest';
import { wireRequestSchema, wireServerMessageSchema } from '../../../shared/contracts';

describe('bridge wire protocol schemas', () => {
  it('accepts each kind of server message', () => {
    for (const message of [
      { type: 'result', id: 1, ok: true, result: { a: 1 } },
      { type: 'result', id: 2, ok: false, error: { code: 'bad-request', message: 'no' } },
      { type: 'event', name: 'settings.changed', payload: {} },
    ]) {
      expect(wireServerMessageSchema.safeParse(message).success).toBe(true);
    }
  });

  it('refuses malformed server messages and requests', () => {
    expect(wireServerMessageSchema.safeParse({ type: 'result', id: 1, ok: false }).success).toBe(false);
    expect(wireServerMessageSchema.safeParse({ type: 'result', id: 1, ok: false, error: { code: 'nope', message: '' } }).success).toBe(false);
    expect(wireRequestSchema.safeParse({ type: 'request', id: -1, name: 'x', args: [] }).success).toBe(false);
    expect(wireRequestSchema.safeParse({ type: 'request', id: 1, name: 'x' }).success).toBe(false);
  });
});
