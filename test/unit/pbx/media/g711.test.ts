import { describe, expect, it } from 'vitest';
import { decodeMuLaw, encodeMuLaw, muLawDecodeSample, muLawEncodeSample } from '../../../../electron/pbx/media/g711';

describe('G.711 µ-law', () => {
  // Decoder outputs of ITU-T G.711 table 2a, scaled from 14 to 16 bits (× 4); codes as sent on the wire (inverted).
  const decodes: [number, number][] = [
    [0xff, 0],
    [0x7f, 0], // "negative zero"
    [0xfe, 8],
    [0x7e, -8],
    [0xf0, 120],
    [0xef, 132],
    [0xe0, 372],
    [0xdf, 396],
    [0x8f, 16764],
    [0x80, 32124],
    [0x00, -32124],
  ];
  it.each(decodes.map(([code, sample]) => [code.toString(16), code, sample] as const))('decodes 0x%s to %i', (_hex, code, sample) => {
    expect(muLawDecodeSample(code)).toBe(sample);
  });

  const encodes: [number, number][] = [
    [0, 0xff],
    [-1, 0x7f],
    [100, 0xf2],
    [-100, 0x72],
    [1000, 0xce],
    [32767, 0x80],
    [-32768, 0x00],
    [40000, 0x80], // clamped
  ];
  it.each(encodes.map(([sample, code]) => [sample, code.toString(16), code] as const))('encodes %i to 0x%s', (sample, _hex, code) => {
    expect(muLawEncodeSample(sample)).toBe(code);
  });

  it('re-encodes every decoded code to itself (except negative zero, which becomes 0xFF)', () => {
    for (let code = 0; code < 256; code += 1) {
      expect(muLawEncodeSample(muLawDecodeSample(code))).toBe(code === 0x7f ? 0xff : code);
    }
  });

  it('is monotonic and within half a quantisation step over the whole int16 range', () => {
    const problems: string[] = [];
    let previous = -Infinity;
    for (let sample = -32768; sample <= 32767; sample += 1) {
      const decoded = muLawDecodeSample(muLawEncodeSample(sample));
      if (decoded < previous) problems.push(`${sample}: ${decoded} < ${previous}`);
      previous = decoded;
      const magnitude = Math.min(Math.abs(sample), 32635);
      const segment = Math.max(0, Math.floor(Math.log2((magnitude + 0x84) >> 7)));
      const step = 8 << segment; // quantisation interval in 16-bit units
      if (Math.abs(decoded - Math.sign(sample) * magnitude) > step / 2 + 1) problems.push(`${sample} → ${decoded}`);
    }
    expect(problems).toEqual([]);
  });

  it('converts whole buffers', () => {
    const pcm = Int16Array.of(0, 100, -100, 32767, -32768);
    const codes = encodeMuLaw(pcm);
    expect([...codes]).toEqual([0xff, 0xf2, 0x72, 0x80, 0x00]);
    expect([...decodeMuLaw(codes)]).toEqual([0, 104, -104, 32124, -32124]);
  });
});
