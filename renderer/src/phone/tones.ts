/** A call-progress or ring tone: a mix of sine frequencies switched on and off in a repeating cadence. */
export interface Cadence {
  readonly frequencies: readonly number[];
  /** Alternating on/off durations in ms, starting with on; the pattern repeats. */
  readonly pattern: readonly number[];
  /** Peak gain, 0..1, at full volume. */
  readonly level: number;
  /** The ring sounds on the ringer device at the ring volume; call-progress tones on the speaker at the call volume. */
  readonly route: 'ringer' | 'speaker';
}

/** The phone's own ringer: the classic desk-phone double ring (400+450 Hz, 0.4 s on, 0.2 off, 0.4 on, 2 s off). */
export const RING: Cadence = { frequencies: [400, 450], pattern: [400, 200, 400, 2000], level: 0.3, route: 'ringer' };

/** Ringback heard by the caller while the far end alerts: 440+480 Hz, 2 s on, 4 s off (ITU-T E.180, North America). */
export const RINGBACK: Cadence = { frequencies: [440, 480], pattern: [2000, 4000], level: 0.08, route: 'speaker' };

/** A second call while on a call: two short soft beeps every few seconds, heard over the conversation. */
export const CALL_WAITING: Cadence = { frequencies: [440], pattern: [250, 150, 250, 6000], level: 0.06, route: 'speaker' };

export function cycleMs(cadence: Cadence): number {
  return cadence.pattern.reduce((sum, ms) => sum + ms, 0);
}

/** One cycle's switching points, in seconds from the cycle's start: when the tone turns on (true) or off (false). */
export function cycleSteps(cadence: Cadence): Array<{ at: number; on: boolean }> {
  const steps: Array<{ at: number; on: boolean }> = [];
  let at = 0;
  cadence.pattern.forEach((ms, index) => {
    steps.push({ at: at / 1000, on: index % 2 === 0 });
    at += ms;
  });
  return steps;
}
