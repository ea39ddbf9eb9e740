import { describe, expect, it } from 'vitest';
import { paceFrames } from '../../../../electron/pbx/media/framePacer';

/** A fake clock: wait() advances time by exactly the asked delay, plus optional lateness. */
function fakeTime(lateness = 0) {
  let now = 1000;
  const waits: number[] = [];
  return {
    now: () => now,
    waits,
    wait: async (ms: number) => {
      waits.push(ms);
      now += ms + lateness;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('paceFrames', () => {
  it('sends each frame on its 20 ms slot and returns when the last one has played', async () => {
    const time = fakeTime();
    const sentAt: number[] = [];
    const outcome = await paceFrames(3, () => void sentAt.push(time.now()), { frameMs: 20, now: time.now, wait: time.wait });
    expect(outcome).toBe('completed');
    expect(sentAt).toEqual([1000, 1020, 1040]);
    expect(time.now()).toBe(1060);
  });

  it('does not let timer lateness accumulate', async () => {
    const time = fakeTime(3);
    const sentAt: number[] = [];
    await paceFrames(4, () => void sentAt.push(time.now()), { frameMs: 20, now: time.now, wait: time.wait });
    expect(sentAt).toEqual([1000, 1023, 1043, 1063]);
    expect(time.waits).toEqual([20, 17, 17, 17]);
  });

  it('sends at once to catch up when a frame is overdue', async () => {
    const time = fakeTime();
    const sentAt: number[] = [];
    await paceFrames(
      3,
      (index) => {
        sentAt.push(time.now());
        if (index === 0) time.advance(50); // the event loop was blocked
      },
      { frameMs: 20, now: time.now, wait: time.wait },
    );
    expect(sentAt).toEqual([1000, 1050, 1050]);
  });

  it('stops when aborted or when the call has ended', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const sent: number[] = [];
    const aborted = await paceFrames(
      10,
      (index) => {
        sent.push(index);
        if (index === 1) controller.abort();
      },
      { frameMs: 20, now: time.now, wait: time.wait, signal: controller.signal },
    );
    expect(aborted).toBe('aborted');
    expect(sent).toEqual([0, 1]);
    let ended = false;
    const stopped = await paceFrames(10, (index) => void (ended = index === 2), { frameMs: 20, now: time.now, wait: time.wait, stopped: () => ended });
    expect(stopped).toBe('stopped');
  });
});
