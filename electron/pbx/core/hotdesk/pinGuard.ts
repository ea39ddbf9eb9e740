import { isLocked, PIN_LOCKOUT, type PinLockoutRule, recordPinFailure } from '../../../../shared/domain/pinLockout';
import type { ExtensionRecord } from '../../store';
import type { AuditInput } from './auditLog';
import type { ExtensionRepository } from './extensionRepository';

export interface PinGuardDeps {
  extensions: Pick<ExtensionRepository, 'get' | 'verifyPin' | 'lock'>;
  now(): number;
  audit(input: AuditInput): Promise<void>;
  rule?: PinLockoutRule;
}

/**
 * Hot-desk PIN checks with the lockout rule (shared/domain/pinLockout). Every refusal — wrong PIN, unknown extension,
 * extension without hot desking or without a PIN, locked extension — costs one scrypt verification and answers the
 * same; the failure is counted, audited and any lock written after the answer, off the caller's clock.
 */
export class PinGuard {
  private readonly failures = new Map<string, number[]>();
  /** Locks decided but maybe not yet written to the extension record. */
  private readonly pendingLocks = new Map<string, number>();
  private background: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PinGuardDeps) {}

  async check(deviceName: string, extension: string, pin: string): Promise<'accepted' | 'refused'> {
    const matches = await this.deps.extensions.verifyPin(extension, pin);
    const record = this.deps.extensions.get(extension);
    const now = this.deps.now();
    const locked = record !== null && isLocked(this.lockedUntil(record), now);
    if (record !== null && record.hotDesking && matches && !locked) {
      this.failures.delete(extension);
      return 'accepted';
    }
    const refusal: AuditInput = { kind: 'hotdesk.pin-failed', extension, device: deviceName, detail: refusalReason(record, locked) };
    // Failures count for real, unlocked extensions only: an unknown number has nothing to lock.
    const lockUntil = record !== null && !locked ? this.count(extension, now) : null;
    this.later(async () => {
      await this.deps.audit(refusal);
      if (lockUntil !== null) await this.lock(extension, lockUntil);
    });
    return 'refused';
  }

  /** Resolves once the audit records and lock writes of earlier checks are done. */
  settled(): Promise<void> {
    return this.background;
  }

  private count(extension: string, now: number): number | null {
    const outcome = recordPinFailure(this.failures.get(extension) ?? [], now, this.deps.rule ?? PIN_LOCKOUT);
    if (outcome.failures.length === 0) this.failures.delete(extension);
    else this.failures.set(extension, outcome.failures);
    if (outcome.lockedUntil !== null) this.pendingLocks.set(extension, outcome.lockedUntil);
    return outcome.lockedUntil;
  }

  private async lock(extension: string, until: number): Promise<void> {
    try {
      await this.deps.extensions.lock(extension, new Date(until));
      await this.deps.audit({ kind: 'hotdesk.lockout', actor: 'system', extension, detail: `hot-desk login locked until ${new Date(until).toISOString()} after too many wrong PINs` });
    } finally {
      this.pendingLocks.delete(extension);
    }
  }

  private lockedUntil(record: ExtensionRecord): number | null {
    const stored = record.lockedUntil === null ? null : Date.parse(record.lockedUntil);
    const pending = this.pendingLocks.get(record.extension) ?? null;
    return stored === null ? pending : Math.max(stored, pending ?? stored);
  }

  private later(work: () => Promise<void>): void {
    this.background = this.background.then(work).catch((error: unknown) => console.error('hot desk: recording a failed PIN failed:', error));
  }
}

/** What the audit log says about a refusal (the caller only ever hears "wrong PIN"). */
function refusalReason(record: ExtensionRecord | null, locked: boolean): string {
  if (record === null) return 'no such extension';
  if (locked) return 'extension locked after too many wrong PINs';
  if (!record.hotDesking) return 'hot desking is not enabled for the extension';
  if (record.pin === null) return 'the extension has no PIN';
  return 'wrong PIN';
}
