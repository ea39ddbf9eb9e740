import { createHmac } from 'node:crypto';
import { Backoff } from '../../../../shared/util/backoff';

/** The header carrying the body's signature: `sha256=` and the hex HMAC-SHA256 of the raw body with the secret. */
export const SIGNATURE_HEADER = 'X-Hotdesk-Signature';
const ATTEMPT_TIMEOUT_MS = 5000;
/** Waits between attempts double from `firstRetryMs` up to this. */
const MAX_RETRY_MS = 60_000;
/** About a quarter of an hour of attempts at the default pace. */
const MAX_ATTEMPTS = 20;

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookDeliveryOptions {
  url: string;
  secret: string;
  /** The delivery's id, sent as X-Hotdesk-Delivery so that a receiver can drop a repeat. */
  id: string;
  event: string;
  body: string;
  firstRetryMs?: number;
  maxAttempts?: number;
  /** A failed attempt; `retryInMs` null when it was the last. */
  onFailure(failure: { attempt: number; problem: string; retryInMs: number | null }): void;
  signal?: AbortSignal;
}

/** POSTs a signed JSON body until the receiver acknowledges it with a 2xx, waiting longer after each failure. */
export async function deliverWebhook(options: WebhookDeliveryOptions): Promise<boolean> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const retries = new Backoff({ initialMs: options.firstRetryMs ?? 1000, maxMs: MAX_RETRY_MS });
  for (let attempt = 1; attempt <= maxAttempts && !options.signal?.aborted; attempt += 1) {
    const problem = await attemptDelivery(options);
    if (problem === null) return true;
    const retryInMs = attempt < maxAttempts ? retries.next() : null;
    options.onFailure({ attempt, problem, retryInMs });
    if (retryInMs === null) break;
    await sleep(retryInMs, options.signal);
  }
  return false;
}

async function attemptDelivery(options: WebhookDeliveryOptions): Promise<string | null> {
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Hotdesk-Event': options.event,
        'X-Hotdesk-Delivery': options.id,
        [SIGNATURE_HEADER]: signWebhookBody(options.body, options.secret),
      },
      body: options.body,
      redirect: 'error',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).message;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
