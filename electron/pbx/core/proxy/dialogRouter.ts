import { getContacts, getHeader, getReplacesHeader, getToTag, type SipMessage, type SipRequest, type SipUri, type Uri } from '../../../sip';
import type { Flow } from '../../../sip';
import type { ContactFlows } from '../locations/contactFlows';
import { ProxiedDialogs, type ProxiedDialog } from './proxiedDialogs';
import type { ForwardOptions, ForwardTarget } from './proxyForwarder';

/** Methods that create a dialog: the proxy Record-Routes them so the dialog's requests come back through it. */
const DIALOG_CREATING = new Set(['INVITE', 'SUBSCRIBE', 'REFER']);

/** Where an in-dialog request goes: along a dialog the proxy set up, or by its remote target alone (`dialog` null). */
export interface InDialogRoute {
  dialog: ProxiedDialog | null;
  target: ForwardTarget | undefined;
}

/**
 * The proxy's dialog state and the routing of in-dialog requests (RFC 3261 §16.12): a request of a dialog the proxy
 * Record-Routed goes only from one of the dialog's flows to another; a request of no such dialog is routed by its
 * Request-URI, the remote target, and only the caller may decide whether it deserves that.
 */
export class DialogRouter {
  private readonly dialogs = new ProxiedDialogs();

  constructor(
    private readonly deps: {
      contactFlows: ContactFlows;
      flowById(flowId: string): Flow | undefined;
    },
  ) {}

  /** Forwarding options for an out-of-dialog request from `flow` to `targets`: dialog-creating ones are recorded. */
  forwardOptions(request: SipRequest, flow: Flow, targets: readonly ForwardTarget[]): ForwardOptions {
    if (!DIALOG_CREATING.has(request.method)) return { recordRoute: false };
    const dialog = this.dialogs.open(request, flow.id, targets.map((target) => target.flow.id));
    const answered = new Set<string>();
    return {
      recordRoute: true,
      onResponse: (target, response) => {
        if (response.status >= 300 || getToTag(response) === undefined) return;
        this.rememberContacts(response, target.flow);
        if (response.status >= 200) answered.add(target.flow.id);
      },
      onFinished: (status) => {
        if (!dialog) return;
        if (status >= 300) this.dialogs.end(dialog.key);
        else this.dialogs.answered(dialog.key, answered);
      },
    };
  }

  /**
   * An INVITE with Replaces (RFC 3891) goes to the party of the dialog it replaces, not to every phone of the
   * address-of-record: only the target(s) on that dialog's flows, when the proxy knows the dialog and one of them is
   * on it. Otherwise the targets stay as they are, and phones without that dialog answer 481 themselves (§3).
   */
  replacedDialogTargets(request: SipRequest, targets: readonly ForwardTarget[]): readonly ForwardTarget[] {
    const replaces = request.method === 'INVITE' ? getReplacesHeader(request) : undefined;
    const dialog = replaces && this.dialogs.findByIds(replaces.callId, [replaces.fromTag, replaces.toTag]);
    if (!dialog) return targets;
    const onDialog = targets.filter((target) => target.flow.id === dialog.callerFlowId || dialog.calleeFlowIds.has(target.flow.id));
    return onDialog.length > 0 ? onDialog : targets;
  }

  /** The route of an in-dialog request from `flow`; `dialog` is set when the request belongs to a dialog of `flow`. */
  route(request: SipRequest, flow: Flow): InDialogRoute {
    const dialog = this.dialogs.find(request);
    if (!dialog) return { dialog: null, target: this.byRemoteTarget(request.requestUri) };
    if (flow.id === dialog.callerFlowId) return { dialog, target: this.towardCallee(dialog, request.requestUri) };
    if (dialog.calleeFlowIds.has(flow.id)) return { dialog, target: this.onFlow(dialog.callerFlowId, request.requestUri) };
    // Someone else's dialog: not along it.
    return { dialog: null, target: undefined };
  }

  /** Options for forwarding an in-dialog request along `dialog`: a BYE or a final NOTIFY ends it once answered. */
  inDialogOptions(request: SipRequest, dialog: ProxiedDialog | null): ForwardOptions {
    const ends =
      dialog !== null &&
      (dialog.method === 'INVITE'
        ? request.method === 'BYE'
        : request.method === 'NOTIFY' && /^\s*terminated/i.test(getHeader(request, 'Subscription-State') ?? ''));
    return ends ? { recordRoute: false, onFinished: () => this.dialogs.end(dialog.key) } : { recordRoute: false };
  }

  /** Remembers which flow the Contacts of a message from an authenticated party (or a dialog's party) are on. */
  rememberContacts(message: SipMessage, flow: Flow): void {
    for (const contact of getContacts(message)?.contacts ?? []) {
      if (contact.uri.kind === 'sip') this.deps.contactFlows.remember(contact.uri, flow.id);
    }
  }

  flowClosed(flowId: string): void {
    this.dialogs.flowClosed(flowId);
    this.deps.contactFlows.flowClosed(flowId);
  }

  get dialogCount(): number {
    return this.dialogs.size;
  }

  private towardCallee(dialog: ProxiedDialog, uri: Uri): ForwardTarget | undefined {
    const byContact = this.byRemoteTarget(uri);
    if (byContact && dialog.calleeFlowIds.has(byContact.flow.id)) return byContact;
    const [only, ...others] = dialog.calleeFlowIds;
    return only !== undefined && others.length === 0 ? this.onFlow(only, uri) : undefined;
  }

  private byRemoteTarget(uri: Uri): ForwardTarget | undefined {
    if (uri.kind !== 'sip') return undefined;
    const flowId = this.deps.contactFlows.flowFor(uri);
    return flowId === undefined ? undefined : this.onFlow(flowId, uri);
  }

  private onFlow(flowId: string, uri: Uri): ForwardTarget | undefined {
    const flow = this.deps.flowById(flowId);
    return flow && uri.kind === 'sip' ? { uri: uri as SipUri, flow } : undefined;
  }
}
