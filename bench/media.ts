/**
 * Offer→connected time of the PBX media endpoint: from the moment the endpoint is handed an offer until ICE and
 * DTLS-SRTP are up, against a werift peer on loopback that offers like Chromium.
 *
 *   npx tsx bench/media.ts [iterations=20]
 */
import { createMediaEndpoint } from '../electron/pbx/media/mediaEndpoint';
import { createBrowserPeer } from '../test/integration/support/browserPeer';

const iterations = Number(process.argv[2] ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function once(): Promise<{ answerMs: number; connectedMs: number }> {
  const peer = await createBrowserPeer();
  const endpoint = createMediaEndpoint({ bindAddress: '127.0.0.1' });
  try {
    const start = performance.now();
    const answer = await endpoint.answer(peer.offer);
    const answerMs = performance.now() - start;
    await peer.accept(answer);
    await endpoint.connected;
    return { answerMs, connectedMs: performance.now() - start };
  } finally {
    await endpoint.close();
    await peer.close();
  }
}

async function main(): Promise<void> {
  const answers: number[] = [];
  const connects: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const { answerMs, connectedMs } = await once();
    answers.push(answerMs);
    connects.push(connectedMs);
  }
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(0).padStart(5);
    console.log(`${name.padEnd(22)} min${fmt(sorted[0] ?? NaN)}  median${fmt(percentile(sorted, 50))}  p90${fmt(percentile(sorted, 90))}  max${fmt(sorted.at(-1) ?? NaN)} ms`);
  };
  console.log(`media endpoint, ${iterations} calls on loopback (werift 0.24.4, Node ${process.version})`);
  line('offer → answer SDP', answers);
  line('offer → connected', connects);
}

await main();
