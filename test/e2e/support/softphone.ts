import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** One phone page in its own browser context (own cookies, own SIP registration), driven by roles and names only. */
export interface Softphone {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The `role=status` display named "Phone display". */
  readonly display: Locator;
  readonly number: Locator;
  /** Types a number into the Number box and presses Call. */
  dial(number: string): Promise<void>;
  button(name: string): Locator;
  close(): Promise<void>;
}

/**
 * Opens `/?account=<extension>` (demo mode: a plain softphone registered as that extension) and waits until the
 * display's registration lamp says "Registered".
 */
export async function openSoftphone(browser: Browser, baseURL: string | undefined, extension: string): Promise<Softphone> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/?account=${extension}`);
  const display = page.getByRole('status', { name: 'Phone display' });
  await expect(display).toContainText('Registered', { timeout: 10_000 });
  const number = page.getByRole('textbox', { name: 'Number' });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  return {
    page,
    context,
    display,
    number,
    button,
    async dial(digits: string) {
      await number.fill(digits);
      await button('Call').click();
    },
    close: () => context.close(),
  };
}

/**
 * The loudest RMS level (0..1) of the call audio the page receives, sampled for `windowMs`.
 *
 * The phone plays the other party through its one `<audio>` element (renderer/src/phone/remoteAudio.ts); its
 * `srcObject` is the remote WebRTC stream. Headless Chromium reports `inbound-rtp.audioLevel` as 0, so the level is
 * measured with a WebAudio AnalyserNode on that stream (headless Chromium reports no inbound audio level). Chromium's fake microphone sends a periodic
 * beep, so a window of half a second or more always catches one when audio flows. Returns -1 when there is no stream.
 */
export function remoteAudioLevel(page: Page, windowMs = 700): Promise<number> {
  return page.evaluate(async (sampleMs) => {
    const element = [...document.querySelectorAll('audio')].find(
      (candidate) => candidate.srcObject instanceof MediaStream && candidate.srcObject.getAudioTracks().length > 0,
    );
    if (!element) return -1;
    const context = new AudioContext();
    try {
      await context.resume();
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(element.srcObject as MediaStream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let loudest = 0;
      const end = performance.now() + sampleMs;
      while (performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
      }
      return loudest;
    } finally {
      await context.close();
    }
  }, windowMs);
}

/** Well above the silence of a stream with no audio (0) and far below the fake microphone's beep (about 0.3). */
export const AUDIO_FLOWS = 0.02;
