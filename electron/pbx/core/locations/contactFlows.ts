import type { SipUri } from '../../../sip';
import { contactHostKey } from './contactKey';

/**
 * Which flow each Contact URI seen so far is reachable on. In-dialog requests are addressed to a Contact
 * (`sip:x@y.invalid;transport=ws`) that no DNS can resolve: the only way there is the WebSocket it came from
 * (RFC 7118 §5, the aliasing Kamailio's nathelper does). It keeps flow ids only; the transport's FlowLookup says
 * whether that connection is still open.
 */
export class ContactFlows {
  private readonly flowByContact = new Map<string, string>();
  private readonly contactsByFlow = new Map<string, Set<string>>();

  remember(uri: SipUri, flowId: string): void {
    const key = contactHostKey(uri);
    const previous = this.flowByContact.get(key);
    if (previous === flowId) return;
    if (previous) this.contactsByFlow.get(previous)?.delete(key);
    this.flowByContact.set(key, flowId);
    let keys = this.contactsByFlow.get(flowId);
    if (!keys) this.contactsByFlow.set(flowId, (keys = new Set()));
    keys.add(key);
  }

  flowFor(uri: SipUri): string | undefined {
    return this.flowByContact.get(contactHostKey(uri));
  }

  flowClosed(flowId: string): void {
    for (const key of this.contactsByFlow.get(flowId) ?? []) this.flowByContact.delete(key);
    this.contactsByFlow.delete(flowId);
  }
}
