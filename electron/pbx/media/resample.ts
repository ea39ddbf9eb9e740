/**
 * Sample-rate conversion of mono 16-bit PCM by band-limited (windowed-sinc) interpolation: each output sample is the
 * input convolved with a Kaiser-windowed sinc low-pass whose cut-off sits just below the lower Nyquist frequency, so
 * downsampling (e.g. espeak-ng's 22050 Hz to telephone 8000 Hz) does not alias.
 */

const ZERO_CROSSINGS = 16;
const KAISER_BETA = 8;
/** Cut-off as a fraction of the lower of the two Nyquist frequencies. */
const PASSBAND = 0.9;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k += 1) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (!(fromRate > 0 && toRate > 0)) throw new RangeError('sample rates must be positive');
  if (fromRate === toRate) return input.slice();
  const step = fromRate / toRate; // input samples per output sample
  // Normalised cut-off in cycles per input sample.
  const cutoff = (PASSBAND * Math.min(fromRate, toRate)) / 2 / fromRate;
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff); // in input samples
  const i0Beta = besselI0(KAISER_BETA);
  const outLength = Math.floor((input.length * toRate) / fromRate);
  const out = new Int16Array(outLength);
  for (let n = 0; n < outLength; n += 1) {
    const centre = n * step;
    const first = Math.max(0, Math.ceil(centre - halfWidth));
    const last = Math.min(input.length - 1, Math.floor(centre + halfWidth));
    let acc = 0;
    for (let k = first; k <= last; k += 1) {
      const x = k - centre;
      const ratio = x / halfWidth;
      const window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / i0Beta;
      acc += (input[k] ?? 0) * 2 * cutoff * sinc(2 * cutoff * x) * window;
    }
    out[n] = Math.max(-32768, Math.min(32767, Math.round(acc)));
  }
  return out;
}
