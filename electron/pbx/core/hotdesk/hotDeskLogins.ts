import { decideLogin } from '../../../../shared/domain/multipleLogins';
import type { DeviceSession } from '../../store';
import type { AuditInput } from './auditLog';
import type { HotDesk } from './hotDesk';
import { PinGuard } from './pinGuard';

/** Who ended a hot-desk session (the audit log's actor of a logout). */
export type SessionEnder = 'user' | 'admin' | 'auto' | 'other-device';

export type LoginOutcome =
  | { kind: 'logged-in'; extension: string; name: string; roamedFrom: string | null; loggedOutElsewhere: readonly string[] }
  /** The multiple-login policy is `deny` and the user is logged in on `elsewhere`. */
  | { kind: 'denied'; extension: string; elsewhere: readonly string[] };

export interface HotDeskLoginsDeps {
  hotDesk: Pick<HotDesk, 'devices' | 'extensions' | 'settings' | 'licence' | 'audit' | 'changes'>;
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * The device's provisioning document changed: tell it to re-fetch (check-sync), also where it is registered as
   * `formerUser` (the user whose session just ended). Called before onSessionEnded, so it must pick its targets at
   * once: the user's registrations from the device are dropped right after.
   */
  reprovision(deviceName: string, formerUser: string | null): void;
  /** A session started: the SIP side expects the device to register as the user now. */
  onSessionStarted?(deviceName: string, extension: string): void;
  /** A session ended: the SIP side drops the user's registrations from that device. */
  onSessionEnded?(deviceName: string, extension: string): void;
}

/**
 * Hot-desk login and logout (README, "Hot desking at the PBX"): PIN checks with the lockout, the
 * multiple-login policy, roaming, and the sessions on the device records. Every login, failed PIN, lockout, roam
 * and logout goes into the audit log. Logins and logouts run one at a time.
 */
export class HotDeskLogins {
  private readonly pins: PinGuard;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: HotDeskLoginsDeps) {
    this.pins = new PinGuard({ extensions: deps.hotDesk.extensions, now: deps.now, audit: (input) => this.audit(input) });
    this.unsubscribe = deps.hotDesk.changes.subscribe((change) => {
      if (change.type === 'extension.deleted' || change.type === 'extension.updated') this.extensionChanged(change.extension);
    });
  }

  /** Whether the licence allows hot desking (PRO or Enterprise). */
  licensed(): boolean {
    return this.deps.hotDesk.licence.hotDeskAllowance().ok;
  }

  sessionOf(deviceName: string): { extension: string; since: Date } | null {
    const session = this.deps.hotDesk.devices.get(deviceName)?.session ?? null;
    return session === null ? null : { extension: session.extension, since: new Date(session.since) };
  }

  /** The devices `extension` is logged in on. */
  devicesOf(extension: string): string[] {
    return this.deps.hotDesk.devices.withSession(extension).map((device) => device.name);
  }

  /**
   * Checks a PIN typed on `deviceName` for `extension`. Unknown extensions, extensions without hot desking and
   * locked ones are refused exactly like a wrong PIN, after the same scrypt work.
   */
  checkPin(deviceName: string, extension: string, pin: string): Promise<'accepted' | 'refused'> {
    return this.pins.check(deviceName, extension, pin);
  }

  /** Logs `extension` in on `deviceName` (after checkPin accepted it), applying the multiple-login policy. */
  login(deviceName: string, extension: string): Promise<LoginOutcome> {
    return this.serially(async () => {
      const { devices, extensions, settings } = this.deps.hotDesk;
      const record = extensions.get(extension);
      const device = devices.get(deviceName);
      if (!record || !device) throw new Error(`cannot log ${extension} in on ${deviceName}: no such extension or device`);
      const decision = decideLogin(settings.get().multipleLogins, deviceName, this.devicesOf(extension));
      if (decision.kind === 'deny') {
        const detail = `refused: already logged in on ${decision.elsewhere.join(', ')}`;
        await this.audit({ kind: 'hotdesk.login-denied', actor: extension, extension, device: deviceName, mac: device.mac, detail });
        return { kind: 'denied', extension, elsewhere: decision.elsewhere };
      }
      for (const other of decision.logOut) await this.end(other, 'other-device', `logged in on ${deviceName}`);
      const session: DeviceSession = { extension, since: new Date(this.deps.now()).toISOString() };
      const previous = await devices.setSession(deviceName, session);
      const roamedFrom = previous !== null && previous.extension !== extension ? previous.extension : null;
      // check-sync first: it goes to the registrations the device has now, the roaming user's among them.
      this.deps.reprovision(deviceName, roamedFrom);
      if (roamedFrom !== null) this.deps.onSessionEnded?.(deviceName, roamedFrom);
      this.deps.onSessionStarted?.(deviceName, extension);
      if (roamedFrom !== null) {
        await this.audit({ kind: 'hotdesk.logout', actor: 'user', extension: roamedFrom, device: deviceName, mac: device.mac, detail: `roamed to ${extension}` });
      }
      const kind = roamedFrom === null ? 'hotdesk.login' : 'hotdesk.roam';
      await this.audit({ kind, actor: extension, extension, device: deviceName, mac: device.mac, detail: roamedFrom === null ? null : `from ${roamedFrom}` });
      return { kind: 'logged-in', extension, name: record.name, roamedFrom, loggedOutElsewhere: decision.logOut };
    });
  }

  /** Ends the session on `deviceName`: the device is its idle pool identity again. False when nobody was logged in. */
  logout(deviceName: string, endedBy: SessionEnder, detail: string | null = null): Promise<boolean> {
    return this.serially(() => this.end(deviceName, endedBy, detail));
  }

  /** Resolves once the audit records and lock writes of earlier PIN checks are done (for tests and shutdown). */
  settled(): Promise<void> {
    return this.pins.settled();
  }

  close(): void {
    this.unsubscribe();
  }

  private async end(deviceName: string, endedBy: SessionEnder, detail: string | null): Promise<boolean> {
    const device = this.deps.hotDesk.devices.get(deviceName);
    if (!device?.session) return false;
    const { extension } = device.session;
    await this.deps.hotDesk.devices.setSession(deviceName, null);
    // check-sync first, while the user's registrations from the device are still there to carry it.
    this.deps.reprovision(deviceName, extension);
    this.deps.onSessionEnded?.(deviceName, extension);
    await this.audit({ kind: 'hotdesk.logout', actor: endedBy, extension, device: deviceName, mac: device.mac, detail });
    return true;
  }

  /**
   * An extension that was deleted or lost hot desking is logged out wherever it is; any other change (name, BLF
   * positions) changes the documents of the devices it is logged in on.
   */
  private extensionChanged(extension: string): void {
    if (this.deps.hotDesk.extensions.get(extension)?.hotDesking === true) {
      for (const deviceName of this.devicesOf(extension)) this.deps.reprovision(deviceName, null);
      return;
    }
    for (const deviceName of this.devicesOf(extension)) {
      void this.logout(deviceName, 'admin', 'hot desking was withdrawn from the extension').catch((error: unknown) => console.error(`hot desk: logout of ${deviceName} failed:`, error));
    }
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async audit(input: AuditInput): Promise<void> {
    try {
      await this.deps.hotDesk.audit.append(input);
    } catch (error) {
      console.error(`audit: could not record ${input.kind}:`, error);
    }
  }
}
