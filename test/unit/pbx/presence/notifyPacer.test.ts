import { describe, expect, it } from 'vitest';
import { NotifyPacer } from '../../../../electron/pbx/core/presence/dialogEvents/notifyPacer';
import { ManualClock } from '../../../../electron/sip';

function pacedStates() {
  const clock = new ManualClock(1_000);
  let state = 'idle';
  const sent: Array<{ at: number; state: string }> = [];
  const pacer = new NotifyPacer(clock, { burst: 3, windowMs: 1000 }, () => sent.push({ at: clock.now(), state }));
  const change = (next: string) => {
    state = next;
    pacer.changed();
  };
  return { clock, pacer, sent, change };
}

describe('NOTIFY pacing (RFC 4235 §3.10)', () => {
  it('sends a burst at once, then holds the rest until the window allows', () => {
    const { clock, sent, change } = pacedStates();
    change('ringing');
    change('busy');
    change('idle');
    expect(sent.map((entry) => entry.state)).toEqual(['ringing', 'busy', 'idle']);
    change('ringing');
    expect(sent).toHaveLength(3);
    clock.advance(999);
    expect(sent).toHaveLength(3);
    clock.advance(1);
    expect(sent.at(-1)).toEqual({ at: 2_000, state: 'ringing' });
  });

  it('coalesces the changes of a held period into one NOTIFY with the final state', () => {
    const { clock, sent, change } = pacedStates();
    for (const state of ['a', 'b', 'c']) change(state);
    for (const state of ['d', 'e', 'f', 'g', 'final']) change(state);
    expect(sent).toHaveLength(3);
    clock.advance(5_000);
    expect(sent.map((entry) => entry.state)).toEqual(['a', 'b', 'c', 'final']);
  });

  it('never sends more than the burst in any window over a long storm', () => {
    const { clock, sent, change } = pacedStates();
    for (let step = 0; step < 600; step++) {
      change(`s${step}`);
      clock.advance(10);
    }
    clock.advance(2_000);
    for (let index = 3; index < sent.length; index++) {
      expect((sent[index] as { at: number }).at - (sent[index - 3] as { at: number }).at).toBeGreaterThanOrEqual(1000);
    }
    expect(sent.at(-1)?.state).toBe('s599');
  });

  it('sendNow goes out regardless and replaces a pending send; cancel drops it', () => {
    const { clock, pacer, sent, change } = pacedStates();
    for (const state of ['a', 'b', 'c', 'd']) change(state);
    expect(pacer.pending).toBe(true);
    pacer.sendNow();
    expect(pacer.pending).toBe(false);
    expect(sent.map((entry) => entry.state)).toEqual(['a', 'b', 'c', 'd']);
    change('e');
    pacer.cancel();
    clock.advance(5_000);
    expect(sent).toHaveLength(4);
  });
});
