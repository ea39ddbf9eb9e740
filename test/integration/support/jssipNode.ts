import JsSIP from 'jssip';
import WebSocket from 'ws';

// JsSIP's WebSocketInterface uses the browser's global WebSocket; `ws` implements the same interface in Node.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
JsSIP.debug.disable();

export interface UaOptions {
  wsUrl: string;
  user: string;
  password: string;
  domain?: string;
  displayName?: string;
  register?: boolean;
}

export type Ua = InstanceType<typeof JsSIP.UA>;

/** A real JsSIP user agent in Node, talking to the PBX over a real WebSocket. */
export function createUa(options: UaOptions): Ua {
  const socket = new JsSIP.WebSocketInterface(options.wsUrl);
  return new JsSIP.UA({
    sockets: [socket],
    uri: `sip:${options.user}@${options.domain ?? 'hotdesk.local'}`,
    password: options.password,
    display_name: options.displayName ?? '',
    register: options.register ?? true,
    register_expires: 300,
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 2,
    user_agent: 'hotdesk-integration-test',
  });
}

/** Starts the UA and resolves with the outcome of its first registration. */
export function startAndRegister(ua: Ua): Promise<{ registered: true } | { registered: false; cause: string; status?: number }> {
  return new Promise((resolve) => {
    ua.once('registered', () => resolve({ registered: true }));
    ua.once('registrationFailed', (event: { cause?: string; response?: { status_code?: number } }) =>
      resolve({ registered: false, cause: String(event.cause), ...(event.response?.status_code ? { status: event.response.status_code } : {}) }),
    );
    ua.start();
  });
}

export function stopUa(ua: Ua): Promise<void> {
  return new Promise((resolve) => {
    if (!ua.isConnected()) {
      ua.stop();
      resolve();
      return;
    }
    ua.once('disconnected', () => resolve());
    ua.stop();
  });
}
