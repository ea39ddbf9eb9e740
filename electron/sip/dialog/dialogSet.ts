import { getCallId, getFromTag, getToTag, type SipRequest, type SipResponse } from '../message';
import type { Dialog, DialogId } from './dialog';

function key(id: DialogId): string {
  // Call-IDs and tags contain no spaces.
  return `${id.callId} ${id.localTag} ${id.remoteTag}`;
}

/** The dialogs of a UA, keyed by Call-ID + local tag + remote tag (RFC 3261 §12). */
export class DialogSet {
  private readonly dialogs = new Map<string, Dialog>();

  get size(): number {
    return this.dialogs.size;
  }

  add(dialog: Dialog): void {
    this.dialogs.set(key(dialog.id), dialog);
  }

  /** Returns whether the dialog was in the set. */
  remove(dialog: Dialog): boolean {
    const k = key(dialog.id);
    if (this.dialogs.get(k) !== dialog) return false;
    return this.dialogs.delete(k);
  }

  get(id: DialogId): Dialog | undefined {
    return this.dialogs.get(key(id));
  }

  /** The dialog an incoming request belongs to: our tag is its To tag, the peer's its From tag (§12.2.2). */
  find(request: SipRequest): Dialog | undefined {
    const callId = getCallId(request);
    const localTag = getToTag(request);
    if (callId === undefined || localTag === undefined) return undefined;
    return this.get({ callId, localTag, remoteTag: getFromTag(request) ?? '' });
  }

  /** The dialog a response to one of our requests belongs to: our tag is its From tag, the peer's its To tag. */
  findForResponse(response: SipResponse): Dialog | undefined {
    const callId = getCallId(response);
    const localTag = getFromTag(response);
    if (callId === undefined || localTag === undefined) return undefined;
    return this.get({ callId, localTag, remoteTag: getToTag(response) ?? '' });
  }

  values(): IterableIterator<Dialog> {
    return this.dialogs.values();
  }
}
