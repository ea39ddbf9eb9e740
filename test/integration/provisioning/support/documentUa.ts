import JsSIP from 'jssip';
import type { ProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import type { Ua } from '../../support/jssipNode';

/**
 * A JsSIP UA configured from a provisioning document, as the renderer's phone is: first WebSocket URL, SIP URI,
 * auth user and HA1 + realm (JsSIP's `ha1`/`realm` options; the password never leaves the PBX).
 * Import after ../../support/jssipNode, which gives Node the WebSocket JsSIP expects.
 */
export function createUaFromDocument(document: ProvisioningDocument): Ua {
  const { account } = document;
  const credentials = account.credentials.kind === 'ha1' ? { ha1: account.credentials.ha1, realm: account.credentials.realm } : { password: account.credentials.password };
  return new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(account.webSocketUrls[0] as string)],
    uri: account.uri,
    authorization_user: account.authUser,
    display_name: account.displayName,
    ...credentials,
    register: true,
    register_expires: 300,
    user_agent: 'hotdesk-provisioning-test',
  });
}

/** The package of an out-of-dialog NOTIFY JsSIP reports as `sipEvent` (its parsed Event header: `{ event, params }`). */
function eventPackage(event: { event: unknown }): string {
  return String((event.event as { event?: unknown } | undefined)?.event);
}

/** Resolves with the next out-of-dialog NOTIFY event package the UA reports. */
export function nextSipEvent(ua: Ua): Promise<string> {
  return new Promise((resolve) => ua.once('sipEvent', (event) => resolve(eventPackage(event))));
}

/** Calls `listener` for every out-of-dialog NOTIFY of `eventName` (what the renderer does for `check-sync`). */
export function onSipEvent(ua: Ua, eventName: string, listener: () => void): void {
  ua.on('sipEvent', (event) => {
    if (eventPackage(event) === eventName) listener();
  });
}
