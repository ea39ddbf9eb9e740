import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadApi } from '../../shared/contracts/bridge';
import { isRequestName } from '../../shared/contracts/requestNames';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeEnvelope } from './channels';

/**
 * The whole API the page gets: `window.hotdesk.invoke(name, ...args)` and `window.hotdesk.onEvent(listener)`.
 * `invoke` resolves with the main process's envelope (`{ ok: true, result }` or `{ ok: false, error: { code, message } }`,
 * see channels.ts), which renderer/src/bridge/electronBridge.ts validates and unwraps. A name that is not a request is
 * refused here, without IPC, by rejecting with plain `{ code, message }` data (an Error's code would not cross the
 * context bridge).
 */
export const hotdeskApi: PreloadApi = {
  invoke(name: string, ...args: unknown[]): Promise<InvokeEnvelope> {
    if (!isRequestName(name)) {
      const shown = JSON.stringify(String(name)).slice(0, 80);
      return Promise.reject<never>({ code: 'unknown-request', message: `Unknown request ${shown}` });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, args) as Promise<InvokeEnvelope>;
  },

  onEvent(listener: (event: { name: string; payload: unknown }) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function');
    // The page never sees the IpcRendererEvent (it carries `sender`, i.e. ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      listener({ name: message.name, payload: message.payload });
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('hotdesk', hotdeskApi);
