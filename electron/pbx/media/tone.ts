export interface ToneSpec {
  frequencyHz: number;
  durationMs: number;
  /** Peak amplitude, 0..1 of full scale. Default 0.3 (about -10 dBFS). */
  level?: number;
  sampleRate?: number;
}

/** Fade in/out so the tone starts and stops without a click. */
const RAMP_MS = 10;

/** A sine tone as 16-bit PCM (8 kHz by default), with short fades at both ends. */
export function generateTone({ frequencyHz, durationMs, level = 0.3, sampleRate = 8000 }: ToneSpec): Int16Array {
  if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2)) throw new RangeError('tone frequency must be below Nyquist');
  const length = Math.max(0, Math.round((durationMs * sampleRate) / 1000));
  const ramp = Math.min(Math.round((RAMP_MS * sampleRate) / 1000), Math.floor(length / 2));
  const amplitude = Math.max(0, Math.min(1, level)) * 32767;
  const out = new Int16Array(length);
  for (let i = 0; i < length; i += 1) {
    const envelope = ramp === 0 ? 1 : Math.min(1, i / ramp, (length - 1 - i) / ramp);
    out[i] = Math.round(amplitude * envelope * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate));
  }
  return out;
}
