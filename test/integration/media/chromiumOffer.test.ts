import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCandidateAddresses } from '../../../electron/pbx/media/answerSdp';
import { type MediaEndpoint, createMediaEndpoint } from '../../../electron/pbx/media/mediaEndpoint';
import { openPromptLibrary } from '../../../electron/pbx/media/promptSet';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../../e2e/support/chromium';

const CHROMIUM = SYSTEM_CHROMIUM ?? 'Debian Chromium';
const hasChromium = SYSTEM_CHROMIUM !== undefined;
const prompts = openPromptLibrary(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/prompts'));

declare global {
  interface Window {
    hotdeskTest: {
      pc: RTCPeerConnection;
      /** Highest RMS (0..1) the analyser has seen on the remote track. */
      maxRms: number;
    };
  }
}

/** In the page: a peer connection with the fake microphone, offering like JsSIP does (non-trickle: wait for ICE). */
async function makeOffer(): Promise<string> {
  const pc = new RTCPeerConnection();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
  window.hotdeskTest = { pc, maxRms: 0 };
  pc.ontrack = ({ track }) => {
    const remote = new MediaStream([track]);
    // Chromium only feeds a remote WebRTC track to WebAudio while a media element plays it.
    const element = new Audio();
    element.muted = true;
    element.srcObject = remote;
    void element.play();
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(remote).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      window.hotdeskTest.maxRms = Math.max(window.hotdeskTest.maxRms, Math.sqrt(sum / samples.length));
    }, 20);
  };
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
  });
  return pc.localDescription?.sdp ?? '';
}

describe.skipIf(!hasChromium)(`Chromium (${CHROMIUM}) against the media endpoint`, () => {
  let browser: Browser;
  let page: Page;
  let endpoint: MediaEndpoint;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    });
    page = await browser.newPage();
    // getUserMedia needs a secure context; http://localhost is one, served here without a server.
    await page.route('http://localhost/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>media</title>' }));
    await page.goto('http://localhost/');
    endpoint = createMediaEndpoint({ bindAddress: '127.0.0.1' });
  });

  afterAll(async () => {
    await endpoint?.close();
    await browser?.close();
  });

  it('answers with PCMU, connects, and Chromium hears the prompt', async () => {
    const offer = await page.evaluate(makeOffer);
    expect(offer).toMatch(/a=rtpmap:\d+ opus\/48000/);
    const answer = await endpoint.answer(offer);
    expect(answer).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0 \d+$/m);
    expect(listCandidateAddresses(answer)).toEqual(['127.0.0.1']);
    await page.evaluate((sdp) => window.hotdeskTest.pc.setRemoteDescription({ type: 'answer', sdp }), answer);
    await endpoint.connected;
    const played = endpoint.play(prompts.resolvePrompt('greeting').pcm.subarray(0, 8000 * 2));
    await page.waitForFunction(() => window.hotdeskTest.maxRms > 0.02, undefined, { timeout: 10_000, polling: 50 });
    expect(await played).toBe('completed');
    const codec = await page.evaluate(async () => {
      const stats = await window.hotdeskTest.pc.getStats();
      const inbound = [...stats.values()].find((report) => report.type === 'inbound-rtp' && report.kind === 'audio');
      return stats.get(inbound?.codecId)?.mimeType as string | undefined;
    });
    expect(codec).toBe('audio/PCMU');
  });

  it("receives Chromium's RFC 4733 DTMF once per key", async () => {
    const digits: string[] = [];
    endpoint.onDtmf((digit) => digits.push(digit));
    await page.evaluate(() => {
      const sender = window.hotdeskTest.pc.getSenders().find((candidate) => candidate.track?.kind === 'audio');
      sender?.dtmf?.insertDTMF('12#D', 100, 70);
    });
    await expect.poll(() => digits.includes('D'), { timeout: 10_000, interval: 50 }).toBe(true);
    expect(digits).toEqual(['1', '2', '#', 'D']);
  });
});
