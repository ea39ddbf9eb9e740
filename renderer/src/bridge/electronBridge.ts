import { z } from 'zod';
import {
  BridgeError,
  toBridgeError,
  toErrorCode,
  type Bridge,
  type BridgeEvent,
  type PreloadApi,
  type RequestArgs,
  type RequestName,
  type RequestResult,
} from '../../../shared/contracts';
import { ListenerSet } from '../../../shared/util/listenerSet';
import { parseEvent, parseResult } from './validate';

/** What the preload's `invoke` resolves with: main never throws across IPC, it answers with an envelope. */
const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** The bridge over Electron IPC, i.e. over `window.hotdesk` as exposed by the preload. */
export function createElectronBridge(api: PreloadApi, log = (message: string, detail?: unknown) => console.warn(`[bridge] ${message}`, detail ?? '')): Bridge {
  const listeners = new ListenerSet<BridgeEvent>((error) => log('event listener failed', error));
  let unsubscribe: (() => void) | null = null;

  return {
    async invoke<N extends RequestName>(name: N, ...args: RequestArgs<N>): Promise<RequestResult<N>> {
      let reply: unknown;
      try {
        reply = await api.invoke(name, ...args);
      } catch (error) {
        throw toBridgeError(error, `${name} failed`, { trusted: true });
      }
      const envelope = envelopeSchema.safeParse(reply);
      if (!envelope.success) throw new BridgeError('internal', `${name}: malformed reply from the device host`);
      if (!envelope.data.ok) throw new BridgeError(toErrorCode(envelope.data.error.code), envelope.data.error.message);
      return parseResult(name, envelope.data.result);
    },

    onEvent(listener: (event: BridgeEvent) => void): () => void {
      const remove = listeners.add(listener);
      // One preload subscription however many listeners; dropped when the last one leaves.
      unsubscribe ??= api.onEvent((raw) => {
        const event = parseEvent(raw?.name, raw?.payload);
        if (!event) return log(`ignored event ${JSON.stringify(raw?.name)} (unknown or invalid payload)`);
        listeners.emit(event);
      });
      return () => {
        remove();
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}
