import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RtpPacket } from 'werift';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCandidateAddresses } from '../../../electron/pbx/media/answerSdp';
import { createEchoBot } from '../../../electron/pbx/media/bots/echoBot';
import { decodeMuLaw, encodeMuLaw } from '../../../electron/pbx/media/g711';
import { type MediaEndpoint, createMediaEndpoint } from '../../../electron/pbx/media/mediaEndpoint';
import { UnsupportedOfferError } from '../../../electron/pbx/media/offerSdp';
import { openPromptLibrary } from '../../../electron/pbx/media/promptSet';
import { generateTone } from '../../../electron/pbx/media/tone';
import { CHROMIUM_OFFER } from '../../unit/pbx/media/fixtures/chromiumOffer';
import { type BrowserPeer, createBrowserPeer } from '../support/browserPeer';

const prompts = openPromptLibrary(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/prompts'));
const WAIT = { timeout: 10_000, interval: 20 };

function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const sample of pcm) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, pcm.length));
}

/** Packets in RTP order (sequence numbers unwrapped from the first one). */
function inSequence(packets: readonly RtpPacket[]): RtpPacket[] {
  const first = packets[0]?.header.sequenceNumber ?? 0;
  return [...packets].sort((a, b) => ((a.header.sequenceNumber - first) & 0xffff) - ((b.header.sequenceNumber - first) & 0xffff));
}

function frames(pcm: Int16Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let offset = 0; offset < pcm.length; offset += 160) {
    const frame = new Int16Array(160);
    frame.set(pcm.subarray(offset, offset + 160));
    out.push(encodeMuLaw(frame));
  }
  return out;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function endpoint(): MediaEndpoint {
  const created = createMediaEndpoint({ bindAddress: '127.0.0.1' });
  cleanups.push(() => created.close());
  return created;
}

async function browser(): Promise<BrowserPeer> {
  const created = await createBrowserPeer();
  cleanups.push(() => created.close());
  return created;
}

async function connect(): Promise<{ pbx: MediaEndpoint; peer: BrowserPeer }> {
  const pbx = endpoint();
  const peer = await browser();
  await peer.accept(await pbx.answer(peer.offer));
  await Promise.all([pbx.connected, peer.connected]);
  return { pbx, peer };
}

describe('media endpoint (werift) against a second werift peer', () => {
  it("answers Chromium's offer with PCMU + telephone-event/8000 and a candidate on the bind address only", async () => {
    const answer = await endpoint().answer(CHROMIUM_OFFER);
    const lines = answer.split('\r\n');
    expect(lines.find((line) => line.startsWith('m=audio'))).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0 126$/);
    expect(lines.filter((line) => line.startsWith('a=rtpmap:'))).toEqual(['a=rtpmap:0 PCMU/8000', 'a=rtpmap:126 telephone-event/8000']);
    expect(listCandidateAddresses(answer)).toEqual(['127.0.0.1']);
    expect(lines).toContain('a=rtcp-mux');
    expect(lines).toContain('a=setup:active');
    expect(lines.some((line) => line.startsWith('a=fingerprint:sha-256 '))).toBe(true);
  });

  it('refuses an offer without PCMU', async () => {
    const opusOnly = CHROMIUM_OFFER.replace('111 63 9 0 8 13 110 126', '111').replace('a=rtpmap:0 PCMU/8000\r\n', '');
    await expect(endpoint().answer(opusOnly)).rejects.toThrow(UnsupportedOfferError);
  });

  it('streams a prompt as paced PCMU frames that arrive intact at the other peer', async () => {
    const pbx = endpoint();
    const peer = await browser();
    const oneSecond = prompts.resolvePrompt('greeting').pcm.subarray(0, 8000);
    const played = pbx.play(oneSecond); // before the call is connected: waits for it
    await peer.accept(await pbx.answer(peer.offer));
    await Promise.all([pbx.connected, peer.connected]);
    expect(await played).toBe('completed');
    const expected = frames(oneSecond);
    await vi.waitFor(() => expect(peer.received.length).toBeGreaterThanOrEqual(expected.length), WAIT);
    const packets = inSequence(peer.received);
    expect(packets).toHaveLength(expected.length);
    expect(packets.every((packet) => packet.header.payloadType === 0)).toBe(true);
    expect(packets.map((packet) => [...packet.payload])).toEqual(expected.map((frame) => [...frame]));
    expect(packets[0]?.header.marker).toBe(true);
    const first = packets[0]?.header.timestamp ?? 0;
    expect(packets.map((packet) => (packet.header.timestamp - first) >>> 0)).toEqual(expected.map((_, i) => i * 160));
    const decoded = decodeMuLaw(Buffer.concat(packets.map((packet) => packet.payload)));
    expect(rms(decoded)).toBeGreaterThan(1000);
  });

  it('reports RFC 4733 digits 1, 2, # exactly once each', async () => {
    const { pbx, peer } = await connect();
    const digits: string[] = [];
    pbx.onDtmf((digit) => digits.push(digit));
    for (const digit of ['1', '2', '#']) await peer.sendDtmf(digit);
    await peer.sendDtmf('D'); // sentinel: once it is in, every packet sent before it has been handled
    await vi.waitFor(() => expect(digits).toContain('D'), WAIT);
    expect(digits).toEqual(['1', '2', '#', 'D']);
  });

  it('echoes received audio back through the echo bot', async () => {
    const { pbx, peer } = await connect();
    const shortIntro = generateTone({ frequencyHz: 600, durationMs: 100 });
    const bot = createEchoBot({ prompts: { resolvePrompt: (id) => ({ requested: id, played: id, pcm: shortIntro, text: 'intro', fallback: null }) } });
    cleanups.push(async () => bot.stop());
    bot.start(pbx);
    const introAndTone = frames(shortIntro).length + 300 / 20;
    await vi.waitFor(() => expect(peer.received.length).toBe(introAndTone), WAIT);
    const speech = frames(generateTone({ frequencyHz: 700, durationMs: 400, level: 0.5 }));
    // The bot starts listening right after the tone; probe with one frame per poll until the first echo comes back.
    await vi.waitFor(async () => {
      await peer.sendAudio(decodeMuLaw(speech[0] ?? new Uint8Array(160)));
      expect(peer.received.length).toBeGreaterThan(introAndTone);
    }, WAIT);
    const before = peer.received.length;
    for (const frame of speech) await peer.sendAudio(decodeMuLaw(frame));
    const expected = speech.map((frame) => [...frame]);
    await vi.waitFor(() => {
      const echoed = inSequence(peer.received.slice(before)).map((packet) => [...packet.payload]);
      expect(echoed.slice(-expected.length)).toEqual(expected);
    }, WAIT);
  });

  it('answers a re-offer on the same connection: silent while on hold, audio again on resume', async () => {
    const { pbx, peer } = await connect();
    const hold = await pbx.answer(await peer.reoffer('sendonly'));
    expect(hold).toMatch(/^a=recvonly$/m);
    await peer.accept(hold);
    expect(await pbx.play(new Int16Array(160 * 5).fill(2000))).toBe('completed');
    const resume = await pbx.answer(await peer.reoffer('sendrecv'));
    expect(resume).toMatch(/^a=sendrecv$/m);
    await peer.accept(resume);
    expect(await pbx.play(new Int16Array(160 * 3).fill(2000))).toBe('completed');
    await vi.waitFor(() => expect(peer.received.length).toBeGreaterThanOrEqual(3), WAIT);
    expect(peer.received).toHaveLength(3); // the frames played during the hold were never sent
    const digits: string[] = [];
    pbx.onDtmf((digit) => digits.push(digit));
    await peer.sendDtmf('5');
    await peer.sendDtmf('D');
    await vi.waitFor(() => expect(digits).toContain('D'), WAIT);
    expect(digits).toEqual(['5', 'D']); // still once each after renegotiating
  });

  it('ends cleanly: close() resolves ended, later plays report closed', async () => {
    const { pbx } = await connect();
    const playing = pbx.play(new Int16Array(8000 * 5));
    await pbx.close();
    expect(await pbx.ended).toBe('closed');
    expect(await playing).toBe('closed');
    expect(await pbx.play(new Int16Array(160))).toBe('closed');
    await expect(pbx.answer(CHROMIUM_OFFER)).rejects.toThrow(/ended/);
  });

  it('stops a play when its signal aborts and goes on with the next one', async () => {
    const { pbx, peer } = await connect();
    const controller = new AbortController();
    const long = pbx.play(new Int16Array(8000 * 10).fill(1000), { signal: controller.signal });
    await vi.waitFor(() => expect(peer.received.length).toBeGreaterThan(0), WAIT);
    controller.abort();
    expect(await long).toBe('aborted');
    expect(await pbx.play(new Int16Array(160 * 3))).toBe('completed');
  });
});
