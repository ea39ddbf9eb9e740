import { encodeMuLaw } from '../../../../electron/pbx/media/g711';
import type { IvrCall } from './deskPhone';

/** 20 ms µ-law frames of a prompt, as the media endpoint sends them. */
function frames(pcm: Int16Array): string[] {
  const out: string[] = [];
  for (let offset = 0; offset + 160 <= pcm.length; offset += 160) out.push(Buffer.from(encodeMuLaw(pcm.subarray(offset, offset + 160))).toString('hex'));
  return out;
}

/** Whether the call's first audio is `prompt` (received frames are a run of the prompt's frames, from near its start). */
export async function firstAudioIs(call: IvrCall, prompt: Int16Array): Promise<boolean> {
  await call.audio(25);
  const received = call.peer.received.filter((packet) => packet.header.payloadType === 0).map((packet) => packet.payload.toString('hex'));
  const expected = frames(prompt);
  const start = expected.indexOf(received[0] as string);
  return start >= 0 && start < 5 && received.slice(0, 20).every((frame, index) => frame === expected[start + index]);
}
