import { describe, expect, it } from 'vitest';
import { INTER_DIGIT_TIMEOUT_MS, MAX_PIN_KEYS, PinEntry, type PinEntryResult } from '../../../../electron/pbx/core/ivr/pinEntry';
import { ManualClock } from '../../../../electron/sip/clock';

function entry() {
  const clock = new ManualClock();
  const pin = new PinEntry({ clock });
  let result: PinEntryResult | null = null;
  void pin.result.then((settled) => (result = settled));
  const settled = async () => {
    await Promise.resolve();
    return result;
  };
  return { clock, pin, settled };
}

describe('PIN entry (keys until #, inter-digit timeout)', () => {
  it('ends with # and gives the keys typed', async () => {
    const { pin, settled } = entry();
    for (const key of '482619') pin.press(key);
    expect(pin.typed).toBe(6);
    expect(await settled()).toBeNull();
    pin.press('#');
    expect(await settled()).toEqual({ kind: 'pin', pin: '482619' });
  });

  it('never times out while the prompt plays, then times out 5 s after it ended', async () => {
    const { clock, pin, settled } = entry();
    clock.advance(60_000);
    expect(await settled()).toBeNull();
    pin.promptFinished();
    clock.advance(INTER_DIGIT_TIMEOUT_MS - 1);
    expect(await settled()).toBeNull();
    clock.advance(1);
    expect(await settled()).toEqual({ kind: 'no-input' });
  });

  it('restarts the timer with every key and drops a half-typed PIN when it runs out', async () => {
    const { clock, pin, settled } = entry();
    pin.promptFinished();
    for (const key of '4826') {
      clock.advance(INTER_DIGIT_TIMEOUT_MS - 1);
      pin.press(key);
    }
    expect(await settled()).toBeNull();
    clock.advance(INTER_DIGIT_TIMEOUT_MS);
    expect(await settled()).toEqual({ kind: 'no-input' });
    pin.press('#'); // too late: the outcome stays
    expect(await settled()).toEqual({ kind: 'no-input' });
    expect(clock.pending()).toBe(0);
  });

  it('a key during the prompt (barge-in) starts the timer at once', async () => {
    const { clock, pin, settled } = entry();
    pin.press('4');
    pin.promptFinished(); // the cut-short prompt reports its end; the key's timer keeps running
    clock.advance(INTER_DIGIT_TIMEOUT_MS);
    expect(await settled()).toEqual({ kind: 'no-input' });
  });

  it('# alone asks again instead of checking an empty PIN', async () => {
    const { pin, settled } = entry();
    pin.press('#');
    expect(await settled()).toEqual({ kind: 'no-input' });
  });

  it(`ends by itself after ${MAX_PIN_KEYS} keys`, async () => {
    const { pin, settled } = entry();
    for (let index = 0; index < MAX_PIN_KEYS; index += 1) pin.press(String(index % 10));
    expect(await settled()).toEqual({ kind: 'pin', pin: '01234567890123456789' });
  });

  it('is cancelled when the call ends, and stops its timer', async () => {
    const { clock, pin, settled } = entry();
    pin.press('1');
    pin.cancel();
    expect(await settled()).toEqual({ kind: 'cancelled' });
    expect(clock.pending()).toBe(0);
  });
});
