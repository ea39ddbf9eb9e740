/**
 * RIFF/WAVE reading and writing for linear PCM (the format of the prompt files). Only what the prompts need: any PCM
 * header is parsed and described, samples are extracted for 16-bit PCM, and files are written as 16-bit mono.
 */

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export interface WavInfo {
  /** 1 = PCM; 0xFFFE (extensible) is reported as the sub-format's tag. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** The bytes of the `data` chunk. */
  data: Uint8Array;
}

function fourCc(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** Reads the RIFF chunks of a WAVE file. Throws WavFormatError when the bytes are not a well-formed WAVE file. */
export function parseWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourCc(view, 0) !== 'RIFF' || fourCc(view, 8) !== 'WAVE') {
    throw new WavFormatError('not a WAV file (no RIFF/WAVE header)');
  }
  const riffEnd = Math.min(bytes.byteLength, 8 + view.getUint32(4, true));
  let format: Omit<WavInfo, 'data'> | null = null;
  let data: Uint8Array | null = null;
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const id = fourCc(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (body + size > bytes.byteLength) throw new WavFormatError(`chunk "${id}" is truncated`);
    if (id === 'fmt ') format = parseFmt(view, body, size);
    else if (id === 'data') data = bytes.subarray(body, body + size);
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  if (format === null) throw new WavFormatError('no "fmt " chunk');
  if (data === null) throw new WavFormatError('no "data" chunk');
  return { ...format, data };
}

function parseFmt(view: DataView, offset: number, size: number): Omit<WavInfo, 'data'> {
  if (size < 16) throw new WavFormatError('"fmt " chunk is too short');
  let audioFormat = view.getUint16(offset, true);
  if (audioFormat === WAVE_FORMAT_EXTENSIBLE && size >= 26) audioFormat = view.getUint16(offset + 24, true);
  return {
    audioFormat,
    channels: view.getUint16(offset + 2, true),
    sampleRate: view.getUint32(offset + 4, true),
    bitsPerSample: view.getUint16(offset + 14, true),
  };
}

/** True when the header describes linear 16-bit PCM. */
export function isPcm16(info: Pick<WavInfo, 'audioFormat' | 'bitsPerSample'>): boolean {
  return info.audioFormat === WAVE_FORMAT_PCM && info.bitsPerSample === 16;
}

/** Describes a header in words, e.g. "22050 Hz, 1 channel, 16-bit PCM". */
export function describeWavFormat(info: Omit<WavInfo, 'data'>): string {
  const kind = info.audioFormat === WAVE_FORMAT_PCM ? 'PCM' : `format 0x${info.audioFormat.toString(16)}`;
  return `${info.sampleRate} Hz, ${info.channels} channel${info.channels === 1 ? '' : 's'}, ${info.bitsPerSample}-bit ${kind}`;
}

/** The samples of a 16-bit PCM file (interleaved if it has several channels). */
export function pcm16Samples(info: WavInfo): Int16Array {
  if (!isPcm16(info)) throw new WavFormatError(`not 16-bit PCM (${describeWavFormat(info)})`);
  const view = new DataView(info.data.buffer, info.data.byteOffset, info.data.byteLength);
  const samples = new Int16Array(Math.floor(info.data.byteLength / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

/** Writes 16-bit mono PCM as a canonical 44-byte-header WAVE file. */
export function writeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, 1, true); // channels
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(44 + i * 2, samples[i] ?? 0, true);
  return bytes;
}
