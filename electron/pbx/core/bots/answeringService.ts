import { type Clock, DialogSet, type Flow, type IdSource, type ServerTransaction, type SipRequest, type TransactionLayer } from '../../../sip';
import type { PromptSource } from '../../media';
import type { LocalService } from '../localService';
import type { LocalCallObserver } from '../presence/dialogEvents/callTracker';
import { UasCall, type UasCallOptions } from './uasCall';

/** What a service needs to answer calls itself: SIP, media and its prompts. */
export interface AnsweringOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  viaHost: string;
  domain: string;
  /** The address the media endpoint binds to (the PBX's). */
  mediaAddress: string;
  prompts: PromptSource;
  /** Told of each call's offer, answer and end, so the caller's BLF lamp shows it (the CallTracker). */
  calls?: LocalCallObserver;
}

/**
 * A local service that answers calls itself (the bots, the IVR): it keeps each call with what the service holds
 * beside it (`E`), and finds it again by server transaction (CANCEL), by dialog (ACK and in-dialog requests) or by
 * flow (the connection closed).
 */
export abstract class AnsweringService<E extends { readonly call: UasCall }> implements LocalService {
  private readonly entries = new Map<string, E>();
  private readonly dialogs = new DialogSet();

  constructor(private readonly answering: AnsweringOptions) {}

  abstract handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean;

  get activeCalls(): number {
    return this.entries.size;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const entry = this.entryFor(request, flow);
    if (!entry) return false;
    entry.call.handleInDialog(tx, request);
    return true;
  }

  handleAck(request: SipRequest, flow: Flow): boolean {
    const entry = this.entryFor(request, flow);
    return entry ? entry.call.receiveAck(request) || true : false;
  }

  handleCancel(tx: ServerTransaction): boolean {
    const entry = this.entries.get(tx.id);
    if (!entry) return false;
    entry.call.cancelled();
    return true;
  }

  flowClosed(flowId: string): void {
    for (const { call } of [...this.entries.values()]) if (call.flowId === flowId) call.end();
  }

  close(): void {
    for (const { call } of [...this.entries.values()]) call.hangUp();
  }

  /** A call to answer, with the service's SIP and media settings. */
  protected newCall(call: Pick<UasCallOptions, 'tx' | 'request' | 'flow' | 'user' | 'displayName' | 'onEnded' | 'onInfo'>): UasCall {
    const { layer, clock, ids, viaHost, domain, mediaAddress } = this.answering;
    return new UasCall({ ...call, layer, clock, ids, viaHost, domain, mediaAddress });
  }

  protected addCall(entry: E): void {
    this.entries.set(entry.call.serverTransactionId, entry);
    this.answering.calls?.localCallOffered(entry.call.request, entry.call.flowId);
  }

  /** The call was answered: its dialog's requests now reach it. False when it ended meanwhile. */
  protected callAnswered(call: UasCall): boolean {
    if (!this.entries.has(call.serverTransactionId)) return false;
    if (call.dialog) this.dialogs.add(call.dialog);
    this.answering.calls?.localCallAnswered(call.callId);
    return true;
  }

  /** Forgets an ended call; returns its entry. */
  protected removeCall(call: UasCall): E | undefined {
    const entry = this.entries.get(call.serverTransactionId);
    if (call.dialog) this.dialogs.remove(call.dialog);
    this.entries.delete(call.serverTransactionId);
    if (entry) this.answering.calls?.localCallEnded(call.callId);
    return entry;
  }

  /** The call `request` belongs to — only when it comes over the caller's own flow, so no one else can end it. */
  private entryFor(request: SipRequest, flow: Flow): E | undefined {
    const dialog = this.dialogs.find(request);
    if (!dialog) return undefined;
    return [...this.entries.values()].find((entry) => entry.call.dialog === dialog && entry.call.flowId === flow.id);
  }
}
