import type { Bridge, PreloadApi } from '../../../shared/contracts';
import type { BridgeConnection } from './connection';
import { createElectronBridge } from './electronBridge';
import { WebSocketBridge, bridgeUrl, type WebSocketLike } from './webSocketBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    hotdesk?: PreloadApi;
  }
}

export interface BridgeEnvironment {
  readonly hotdesk?: PreloadApi | undefined;
  readonly location: Pick<Location, 'protocol' | 'host' | 'search'>;
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Fetches the page again for the bridge's page-secret cookie (see WebSocketBridgeOptions.beforeReconnect). */
  readonly refreshPageSecret?: () => Promise<unknown>;
}

/** The app shell comes with the web host's page secret (an HttpOnly cookie the browser keeps for the bridge). */
const refetchPage = () => fetch('/', { credentials: 'same-origin', cache: 'no-store' });

export interface PickedBridge {
  readonly bridge: Bridge;
  /** Only the web host's bridge can drop and regain its connection; Electron IPC cannot. */
  readonly connection: BridgeConnection | null;
  readonly kind: 'electron' | 'web';
}

/** `window.hotdesk` present → Electron IPC; otherwise the web host's WebSocket on the page's own host. */
export function pickBridge(
  environment: BridgeEnvironment = { hotdesk: window.hotdesk, location: window.location, refreshPageSecret: refetchPage },
): PickedBridge {
  if (environment.hotdesk) return { bridge: createElectronBridge(environment.hotdesk), connection: null, kind: 'electron' };
  const bridge = new WebSocketBridge({
    url: bridgeUrl(environment.location),
    ...(environment.createSocket ? { createSocket: environment.createSocket } : {}),
    ...(environment.refreshPageSecret ? { beforeReconnect: environment.refreshPageSecret } : {}),
  });
  return { bridge, connection: bridge, kind: 'web' };
}
