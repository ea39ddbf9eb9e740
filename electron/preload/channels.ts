import type { BridgeErrorCode } from '../../shared/contracts/errors';

/** The only two IPC channels between the preload and the main process (an allow-list of one each way). */
export const INVOKE_CHANNEL = 'hotdesk:invoke';
export const EVENT_CHANNEL = 'hotdesk:event';

/**
 * What the main process answers on INVOKE_CHANNEL. Electron passes only the message of a thrown error across IPC,
 * so the main process never throws: it returns the error as data, keeping its typed code.
 */
export type InvokeEnvelope =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: BridgeErrorCode; message: string } };
