import { getCallId, getFromTag, getToTag, type SipRequest } from '../../../sip';

/**
 * A dialog the proxy Record-Routed: created when it forwarded the dialog-creating request, between the flow that
 * request came from and the flows it was forked to.
 */
export interface ProxiedDialog {
  readonly key: string;
  /** The method that created it (INVITE, SUBSCRIBE or REFER). */
  readonly method: string;
  readonly callerFlowId: string;
  /** The flows the request was forked to; once answered, those that answered 2xx. */
  readonly calleeFlowIds: Set<string>;
}

/** More dialogs than one connection has any use for; past this its oldest are forgotten. */
const MAX_DIALOGS_PER_FLOW = 500;

/**
 * The Record-Route state of the proxy: which dialogs it set up, and over which flows. An in-dialog request is
 * forwarded along one of these only when it comes from one of its flows, and only to another of them.
 */
export class ProxiedDialogs {
  private readonly dialogs = new Map<string, ProxiedDialog>();
  private readonly byFlow = new Map<string, Set<string>>();

  /** Records the dialog(s) `request` (INVITE, SUBSCRIBE, REFER out of dialog) is creating; null without Call-ID/tag. */
  open(request: SipRequest, callerFlowId: string, calleeFlowIds: readonly string[]): ProxiedDialog | null {
    const callId = getCallId(request);
    const tag = getFromTag(request);
    if (callId === undefined || tag === undefined) return null;
    const dialog: ProxiedDialog = { key: dialogKey(callId, tag), method: request.method, callerFlowId, calleeFlowIds: new Set(calleeFlowIds) };
    this.end(dialog.key);
    this.dialogs.set(dialog.key, dialog);
    for (const flowId of [callerFlowId, ...calleeFlowIds]) this.index(flowId, dialog.key);
    return dialog;
  }

  /** The dialog an in-dialog request belongs to: its Call-ID and the caller's tag as its From or To tag. */
  find(request: SipRequest): ProxiedDialog | undefined {
    const callId = getCallId(request);
    return callId === undefined ? undefined : this.findByIds(callId, [getFromTag(request), getToTag(request)]);
  }

  /** The dialog with this Call-ID whose caller's tag is one of `tags` (either side's, as a Replaces header names it). */
  findByIds(callId: string, tags: readonly (string | undefined)[]): ProxiedDialog | undefined {
    for (const tag of tags) {
      const dialog = tag === undefined ? undefined : this.dialogs.get(dialogKey(callId, tag));
      if (dialog) return dialog;
    }
    return undefined;
  }

  /** The request was answered: the dialog continues with the branches that answered 2xx only. */
  answered(key: string, answeredFlowIds: ReadonlySet<string>): void {
    const dialog = this.dialogs.get(key);
    if (!dialog) return;
    for (const flowId of [...dialog.calleeFlowIds]) if (!answeredFlowIds.has(flowId)) this.leave(dialog, flowId);
  }

  end(key: string): void {
    const dialog = this.dialogs.get(key);
    if (!dialog) return;
    this.dialogs.delete(key);
    for (const flowId of [dialog.callerFlowId, ...dialog.calleeFlowIds]) this.byFlow.get(flowId)?.delete(key);
  }

  /** A closed flow's party cannot be reached any more (RFC 7118 §5): its dialogs end unless other callees remain. */
  flowClosed(flowId: string): void {
    for (const key of [...(this.byFlow.get(flowId) ?? [])]) {
      const dialog = this.dialogs.get(key);
      if (dialog) this.leave(dialog, flowId);
    }
    this.byFlow.delete(flowId);
  }

  private leave(dialog: ProxiedDialog, flowId: string): void {
    dialog.calleeFlowIds.delete(flowId);
    this.byFlow.get(flowId)?.delete(dialog.key);
    if (flowId === dialog.callerFlowId || dialog.calleeFlowIds.size === 0) this.end(dialog.key);
  }

  get size(): number {
    return this.dialogs.size;
  }

  private index(flowId: string, key: string): void {
    let keys = this.byFlow.get(flowId);
    if (!keys) this.byFlow.set(flowId, (keys = new Set()));
    keys.add(key);
    if (keys.size > MAX_DIALOGS_PER_FLOW) {
      const oldest = keys.values().next().value;
      if (oldest !== undefined) this.end(oldest);
    }
  }
}

function dialogKey(callId: string, callerTag: string): string {
  return `${callId}\u0000${callerTag}`;
}
