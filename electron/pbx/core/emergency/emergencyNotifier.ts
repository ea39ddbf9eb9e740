import type { EmergencyWebhook } from '../../store';
import type { AuditLog } from '../hotdesk/auditLog';
import type { ChangeFeed } from '../hotdesk/changeFeed';
import type { EmergencyCallEvent } from './emergencyCallEvent';
import { deliverWebhook } from './webhookDelivery';

/** The JSON of an emergency call as the event stream and the webhook carry it. */
export function emergencyCallPayload(call: EmergencyCallEvent): { type: 'emergency-call' } & EmergencyCallEvent {
  return { type: 'emergency-call', ...call };
}

export interface EmergencyNotifierDeps {
  changes: ChangeFeed;
  audit: Pick<AuditLog, 'append'>;
  webhook(): EmergencyWebhook | null;
  /** First wait before a webhook retry (tests shorten it). */
  firstRetryMs?: number;
}

/** The on-site notification of an emergency call: the event stream, the audit log and the webhook. */
export class EmergencyNotifier {
  private readonly stopped = new AbortController();

  constructor(private readonly deps: EmergencyNotifierDeps) {}

  notify(call: EmergencyCallEvent): void {
    this.deps.changes.emit({ type: 'emergency-call', call });
    void this.deps.audit.append(auditEntry(call)).catch((error: unknown) => console.error('emergency call not written to the audit log:', error));
    const webhook = this.deps.webhook();
    if (webhook) void this.deliver(webhook, call);
  }

  close(): void {
    this.stopped.abort();
  }

  private async deliver(webhook: EmergencyWebhook, call: EmergencyCallEvent): Promise<void> {
    await deliverWebhook({
      ...webhook,
      id: call.id,
      event: 'emergency-call',
      body: JSON.stringify(emergencyCallPayload(call)),
      signal: this.stopped.signal,
      ...(this.deps.firstRetryMs !== undefined ? { firstRetryMs: this.deps.firstRetryMs } : {}),
      onFailure: (failure) => this.deps.changes.emit({ type: 'emergency-webhook.failed', callId: call.id, ...failure }),
    });
  }
}

function auditEntry(call: EmergencyCallEvent) {
  const where = call.location ? `location: ${call.location.short} (${call.location.source})` : 'no location';
  return {
    kind: 'emergency.call',
    actor: call.user?.extension ?? 'system',
    device: call.device?.name ?? null,
    extension: call.user?.extension ?? null,
    mac: call.device?.mac ?? null,
    detail: `${call.number} from ${call.caller}; ${where}`,
  };
}
