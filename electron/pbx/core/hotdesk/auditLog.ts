import type { AuditEvent, Journal } from '../../store';

export type AuditInput = Pick<AuditEvent, 'kind'> & Partial<Omit<AuditEvent, 'id' | 'at' | 'kind'>>;

export interface AuditQuery {
  since?: Date;
  until?: Date;
  kinds?: readonly string[];
  /** Only events about this extension / this device. */
  extension?: string;
  device?: string;
  /** At most this many, the newest ones. */
  limit?: number;
}

/** The audit trail: admin actions and the hot-desk login history; durable once `append` resolves. */
export class AuditLog {
  private lastTime = 0;
  private counter = 0;

  constructor(
    private readonly deps: { journal: Journal<AuditEvent>; now(): Date; randomBytes(size: number): Buffer },
  ) {}

  async append(input: AuditInput): Promise<AuditEvent> {
    const at = this.deps.now();
    const event: AuditEvent = {
      id: this.nextId(at),
      at: at.toISOString(),
      kind: input.kind,
      actor: input.actor ?? null,
      device: input.device ?? null,
      extension: input.extension ?? null,
      mac: input.mac ?? null,
      detail: input.detail === undefined || input.detail === null ? null : input.detail.slice(0, 1024),
    };
    await this.deps.journal.append(event);
    return event;
  }

  /** Matching events, oldest first. */
  list(query: AuditQuery = {}): AuditEvent[] {
    const since = query.since?.toISOString();
    const until = query.until?.toISOString();
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const matching = this.deps.journal
      .list()
      .filter(
        (event) =>
          (since === undefined || event.at >= since) &&
          (until === undefined || event.at < until) &&
          (kinds === null || kinds.has(event.kind)) &&
          (query.extension === undefined || event.extension === query.extension) &&
          (query.device === undefined || event.device === query.device),
      );
    return query.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - query.limit));
  }

  /** Time-ordered ids: milliseconds, a counter within the millisecond, and randomness (`lz3k9x1c-0001-3f9a2b`). */
  private nextId(at: Date): string {
    const time = at.getTime();
    this.counter = time === this.lastTime ? this.counter + 1 : 0;
    this.lastTime = time;
    return `${time.toString(36).padStart(9, '0')}-${this.counter.toString(36).padStart(4, '0')}-${this.deps.randomBytes(3).toString('hex')}`;
  }
}
