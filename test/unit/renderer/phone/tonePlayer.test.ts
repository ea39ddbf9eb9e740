import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TonePlayer } from '../../../../renderer/src/phone/ringer';
import { RING, RINGBACK } from '../../../../renderer/src/phone/tones';

/** Just enough of WebAudio to see where a tone goes and how loud it is scheduled. */
class FakeAudioContext {
  static last: FakeAudioContext | null = null;
  state = 'running';
  currentTime = 0;
  sinkId = '';
  readonly destination = {};
  readonly peaks: number[] = [];

  constructor() {
    FakeAudioContext.last = this;
  }

  async setSinkId(sinkId: string) {
    this.sinkId = sinkId;
  }

  createGain() {
    const peaks = this.peaks;
    return {
      gain: { value: 0, setValueAtTime: () => undefined, cancelScheduledValues: () => undefined, linearRampToValueAtTime: (level: number) => peaks.push(level) },
      connect: () => undefined,
      disconnect: () => undefined,
    };
  }

  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: () => undefined, start: () => undefined, stop: () => undefined };
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const loudest = (context: FakeAudioContext) => Math.max(...context.peaks);

describe('the tone player', () => {
  it('rings on the ringer device at the ring volume, and plays ringback on the speaker at the call volume', () => {
    const player = new TonePlayer(() => undefined);
    player.setOutputDevice('speaker-1');
    player.setSound({ ringerDeviceId: 'ringer-1', ringVolume: 50, callVolume: 25 });
    player.play(RING);
    const context = FakeAudioContext.last as FakeAudioContext;
    expect(context.sinkId).toBe('ringer-1');
    expect(loudest(context)).toBeCloseTo((RING.level * 0.5) / 2);

    player.stop();
    context.peaks.length = 0;
    player.play(RINGBACK);
    expect(context.sinkId).toBe('speaker-1');
    expect(loudest(context)).toBeCloseTo((RINGBACK.level * 0.25) / 2);
  });

  it('rings on the speaker when no ringer device is chosen, and is silent at volume 0', () => {
    const player = new TonePlayer(() => undefined);
    player.setOutputDevice('speaker-2');
    player.setSound({ ringerDeviceId: null, ringVolume: 0, callVolume: 100 });
    player.play(RING);
    const context = FakeAudioContext.last as FakeAudioContext;
    expect(context.sinkId).toBe('speaker-2');
    expect(loudest(context)).toBe(0);
    player.stop();
  });
});
