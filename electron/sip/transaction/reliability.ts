import type { Flow } from '../flow';

/**
 * A flow may say that it is unreliable (`reliable: false`, e.g. a UDP flow or a test double); WebSocket flows are
 * reliable and say nothing. Reliability decides whether retransmission timers run (RFC 3261 §17, §13.3.1.4).
 */
export type FlowReliability = Flow & { readonly reliable?: boolean };

export function flowIsReliable(flow: Flow, fallback = true): boolean {
  const reliable = (flow as FlowReliability).reliable;
  return typeof reliable === 'boolean' ? reliable : fallback;
}
