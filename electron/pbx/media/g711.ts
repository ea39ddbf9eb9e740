/**
 * G.711 µ-law (ITU-T G.711 §3, the North American / Japanese companding law) between 16-bit linear PCM and 8-bit codes.
 *
 * The 16-bit variant: the 14-bit law of the recommendation scaled by 4, so code 0x80 decodes to 32124 (8031 × 4).
 * Codes are stored inverted, as on the wire (RTP payload type 0, RFC 3551 §4.5.14).
 */

/** Added before companding so that segment boundaries fall on powers of two (G.711 table 2a). */
const BIAS = 0x84;
/** Largest magnitude that still fits the top segment once the bias is added. */
const CLIP = 32635;

/** Encodes one 16-bit sample (clamped to the int16 range) to a µ-law code. */
export function muLawEncodeSample(sample: number): number {
  let value = Math.max(-32768, Math.min(32767, Math.trunc(sample)));
  const sign = value < 0 ? 0x80 : 0x00;
  if (value < 0) value = -value;
  if (value > CLIP) value = CLIP;
  value += BIAS;
  // Segment (exponent) = position of the highest set bit among bits 7..14.
  let exponent = 7;
  for (let mask = 0x4000; (value & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (value >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** Decodes one µ-law code to a 16-bit sample. */
export function muLawDecodeSample(code: number): number {
  const inverted = ~code & 0xff;
  const exponent = (inverted >> 4) & 0x07;
  const mantissa = inverted & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return inverted & 0x80 ? 0 - magnitude : magnitude; // 0 - 0 is +0, so negative zero decodes to 0
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, code) => muLawDecodeSample(code));

/** Encodes 16-bit PCM to µ-law, one byte per sample. */
export function encodeMuLaw(pcm: Int16Array): Uint8Array {
  const out = new Uint8Array(pcm.length);
  for (let i = 0; i < pcm.length; i += 1) out[i] = muLawEncodeSample(pcm[i] ?? 0);
  return out;
}

/** Decodes µ-law bytes to 16-bit PCM. */
export function decodeMuLaw(codes: Uint8Array): Int16Array {
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i += 1) out[i] = DECODE_TABLE[codes[i] ?? 0xff] ?? 0;
  return out;
}
