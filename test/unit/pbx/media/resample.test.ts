import { describe, expect, it } from 'vitest';
import { resample } from '../../../../electron/pbx/media/resample';
import { generateTone } from '../../../../electron/pbx/media/tone';

function sine(frequency: number, rate: number, seconds: number, amplitude = 10000): Int16Array {
  return Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / rate)));
}

function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const sample of pcm) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, pcm.length));
}

/** Amplitude of one frequency component (single-bin DFT). */
function magnitudeAt(pcm: Int16Array, frequency: number, rate: number): number {
  let re = 0;
  let im = 0;
  pcm.forEach((sample, i) => {
    re += sample * Math.cos((2 * Math.PI * frequency * i) / rate);
    im -= sample * Math.sin((2 * Math.PI * frequency * i) / rate);
  });
  return (2 * Math.hypot(re, im)) / pcm.length;
}

describe('resample', () => {
  it('keeps a 1 kHz tone at its frequency and level from 22050 Hz to 8000 Hz', () => {
    const out = resample(sine(1000, 22050, 0.5), 22050, 8000);
    expect(out.length).toBe(4000);
    const middle = out.subarray(400, 3600); // away from the edges
    expect(magnitudeAt(middle, 1000, 8000)).toBeGreaterThan(9500);
    expect(magnitudeAt(middle, 1000, 8000)).toBeLessThan(10500);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it', () => {
    const out = resample(sine(6000, 22050, 0.5), 22050, 8000); // would alias to 2 kHz
    expect(rms(out.subarray(400, 3600))).toBeLessThan(100);
  });

  it('returns a copy when the rates are equal, and refuses nonsense rates', () => {
    const input = Int16Array.of(1, 2, 3);
    const out = resample(input, 8000, 8000);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(() => resample(input, 0, 8000)).toThrow(RangeError);
  });
});

describe('generateTone', () => {
  it('makes a sine of the asked length and frequency that starts and ends silent', () => {
    const tone = generateTone({ frequencyHz: 440, durationMs: 1000 });
    expect(tone.length).toBe(8000);
    expect(tone[0]).toBe(0);
    expect(Math.abs(tone[tone.length - 1] ?? 1)).toBeLessThan(200);
    expect(magnitudeAt(tone.subarray(800, 7200), 440, 8000)).toBeGreaterThan(0.29 * 32767);
  });

  it('refuses a frequency the sample rate cannot carry', () => {
    expect(() => generateTone({ frequencyHz: 5000, durationMs: 10 })).toThrow(RangeError);
  });
});
