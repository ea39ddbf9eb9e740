import { describe, expect, it } from 'vitest';
import { WavFormatError, describeWavFormat, parseWav, pcm16Samples, writeWav } from '../../../../electron/pbx/media/wav';

/** A WAVE file from raw parts, for headers writeWav never produces. */
function buildWav(chunks: [string, Uint8Array][]): Uint8Array {
  const body = chunks.flatMap(([id, data]) => {
    const header = new Uint8Array(8);
    header.set([...id].map((c) => c.charCodeAt(0)));
    new DataView(header.buffer).setUint32(4, data.length, true);
    return [header, data, ...(data.length % 2 ? [new Uint8Array(1)] : [])];
  });
  const size = body.reduce((sum, part) => sum + part.length, 4);
  const out = new Uint8Array(8 + size);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, size, true);
  out.set([...'WAVE'].map((c) => c.charCodeAt(0)), 8);
  let offset = 12;
  for (const part of body) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function fmt(audioFormat: number, channels: number, sampleRate: number, bits: number): Uint8Array {
  const data = new Uint8Array(16);
  const view = new DataView(data.buffer);
  view.setUint16(0, audioFormat, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, sampleRate, true);
  view.setUint32(8, (sampleRate * channels * bits) / 8, true);
  view.setUint16(12, (channels * bits) / 8, true);
  view.setUint16(14, bits, true);
  return data;
}

describe('WAV', () => {
  it('writes a canonical 16-bit mono file that parses back to the same samples', () => {
    const samples = Int16Array.of(0, 1, -1, 32767, -32768, 1234);
    const bytes = writeWav(samples, 8000);
    expect(bytes.length).toBe(44 + 12);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    const wav = parseWav(bytes);
    expect(wav).toMatchObject({ audioFormat: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect([...pcm16Samples(wav)]).toEqual([...samples]);
    expect(describeWavFormat(wav)).toBe('8000 Hz, 1 channel, 16-bit PCM');
  });

  it('skips unknown chunks (LIST) and their pad byte', () => {
    const data = new Uint8Array([0x10, 0x00, 0xf0, 0xff]);
    const wav = parseWav(buildWav([['LIST', new Uint8Array(3)], ['fmt ', fmt(1, 1, 8000, 16)], ['data', data]]));
    expect([...pcm16Samples(wav)]).toEqual([16, -16]);
  });

  it('describes other formats and refuses their samples', () => {
    const wav = parseWav(buildWav([['fmt ', fmt(7, 1, 8000, 8)], ['data', new Uint8Array(4)]]));
    expect(describeWavFormat(wav)).toBe('8000 Hz, 1 channel, 8-bit format 0x7');
    expect(() => pcm16Samples(wav)).toThrow(WavFormatError);
  });

  it.each([
    ['text', new TextEncoder().encode('hello, this is not audio'), /no RIFF\/WAVE header/],
    ['empty', new Uint8Array(0), /no RIFF\/WAVE header/],
    ['no fmt', buildWav([['data', new Uint8Array(2)]]), /no "fmt " chunk/],
    ['no data', buildWav([['fmt ', fmt(1, 1, 8000, 16)]]), /no "data" chunk/],
    ['short fmt', buildWav([['fmt ', new Uint8Array(8)], ['data', new Uint8Array(2)]]), /too short/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => parseWav(bytes)).toThrow(WavFormatError);
    expect(() => parseWav(bytes)).toThrow(message);
  });

  it('refuses a data chunk that claims more bytes than the file has (e.g. a streamed header)', () => {
    const bytes = writeWav(Int16Array.of(1, 2, 3), 8000);
    new DataView(bytes.buffer).setUint32(40, 0x7ffff000, true);
    expect(() => parseWav(bytes)).toThrow(/chunk "data" is truncated/);
  });
});
