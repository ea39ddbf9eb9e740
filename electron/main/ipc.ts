import { ipcMain, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import { BridgeError, isRequestName, type BridgeErrorCode } from '../../shared/contracts';
import { bridgeFailure } from '../host/bridge/bridgeFailure';
import type { BridgeHub, BridgeSession } from '../host/bridge/bridgeHub';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeEnvelope } from '../preload/channels';
import { sipWebSocketUrlOf } from '../../shared/sip/sipWebSocket';
import { originOf } from './origin';

/** Why a sender may not use the bridge, or null when it may: it must be the main frame of a page of the app's origin. */
export function senderRefusal(event: IpcMainInvokeEvent, appOrigin: string): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (!isMainFrameOf(frame, event.sender)) return 'only the main frame may use the bridge';
  const origin = originOf(frame.url);
  if (origin !== appOrigin) return `pages of ${origin ?? 'this URL'} may not use the bridge`;
  return null;
}

function isMainFrameOf(frame: WebFrameMain, contents: WebContents): boolean {
  if (frame.parent !== null) return false;
  const main = contents.mainFrame;
  if (frame === main) return true;
  // Electron may hand out two wrapper objects for one frame; its process and routing ids identify it.
  return typeof frame.routingId === 'number' && frame.processId === main.processId && frame.routingId === main.routingId;
}

/**
 * Registers an `ipcMain.handle` channel that only the app's own main frame can use, and that always answers with an
 * envelope: Electron keeps only the message of a thrown error, the envelope keeps the BridgeError code too.
 */
export function handleFromApp(
  channel: string,
  appOrigin: string,
  handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<InvokeEnvelope> => {
    const refusal = senderRefusal(event, appOrigin);
    if (refusal) return failure('forbidden', `Forbidden: ${refusal}`);
    try {
      return { ok: true, result: await handler(event, ...args) };
    } catch (error) {
      const { code, message } = bridgeFailure(error, channel);
      return failure(code, message);
    }
  });
}

export interface BridgeIpc {
  /** Gives a window's web contents its own bridge session; it ends when the contents are destroyed. */
  attach(contents: WebContents): void;
  dispose(): void;
}

/** The bridge over IPC: one `hotdesk:invoke` handler for every request, events pushed on `hotdesk:event`. */
export function registerBridgeIpc(hub: BridgeHub, appOrigin: string): BridgeIpc {
  const sessions = new Map<number, BridgeSession>();

  handleFromApp(INVOKE_CHANNEL, appOrigin, async (event, name, args) => {
    if (typeof name !== 'string') throw new BridgeError('bad-request', 'The request name must be a string');
    if (!isRequestName(name)) throw new BridgeError('unknown-request', `Unknown request ${JSON.stringify(name).slice(0, 80)}`);
    if (!Array.isArray(args)) throw new BridgeError('bad-request', `${name} arguments must be an array`);
    const session = sessions.get(event.sender.id);
    if (!session) throw new BridgeError('forbidden', 'Forbidden: this window has no bridge session');
    return session.invoke(name, args);
  });

  return {
    attach(contents) {
      sessions.get(contents.id)?.close();
      const session = hub.openSession({ sipWebSocketUrl: sipWebSocketUrlOf(appOrigin) });
      sessions.set(contents.id, session);
      session.onEvent((bridgeEvent) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, bridgeEvent);
      });
      contents.once('destroyed', () => {
        session.close();
        if (sessions.get(contents.id) === session) sessions.delete(contents.id);
      });
    },
    dispose() {
      ipcMain.removeHandler(INVOKE_CHANNEL);
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}

function failure(code: BridgeErrorCode, message: string): InvokeEnvelope {
  return { ok: false, error: { code, message } };
}
