import { randomInt } from 'node:crypto';
import { BridgeError, type Mode } from '../../../shared/contracts';
import { ADMIN_PIN_THROTTLE, AttemptThrottle, type ThrottleOptions, type ThrottleState } from './attemptThrottle';
import { hashPin, PIN_SCRYPT_COST, pinMatches, type PinHash, type ScryptCost } from './pinHash';

/** Demo mode's admin PIN until one is set (README). Every other mode makes one up on its first start. */
export const DEMO_ADMIN_PIN = '0000';
const GENERATED_PIN_DIGITS = 8;

export interface AdminPinStorage {
  adminPinHash(): PinHash | null;
  setAdminPinHash(hash: PinHash): void;
  /** The count of wrong PINs and any lockout, kept with the hash so that a restart does not lift a lockout. */
  adminPinLock(): ThrottleState | null;
  setAdminPinLock(state: ThrottleState): void;
}

export interface AdminPinOptions {
  storage: AdminPinStorage;
  /** The mode the host runs in. */
  mode: Mode;
  cost?: ScryptCost;
  throttle?: ThrottleOptions;
}

/** The admin PIN that guards mode, identity, SIP account and provisioning URL changes; kept as a scrypt hash. */
export class AdminPin {
  private readonly throttle: AttemptThrottle;
  /** One check at a time, so a burst of guesses is counted in order and cannot outrun the lockout. */
  private queue: Promise<unknown> = Promise.resolve();

  /** A host's PIN as it is; open() also makes one up where there is none yet. */
  constructor(private readonly options: AdminPinOptions) {
    const { storage } = options;
    this.throttle = new AttemptThrottle(options.throttle ?? ADMIN_PIN_THROTTLE, {
      load: () => storage.adminPinLock(),
      save: (state) => storage.setAdminPinLock(state),
    });
  }

  /** Opens the PIN; outside demo mode a host without one gets a fresh PIN, returned once so it can be shown. */
  static async open(options: AdminPinOptions): Promise<{ adminPin: AdminPin; generatedPin: string | null }> {
    const adminPin = new AdminPin(options);
    if (options.storage.adminPinHash() || options.mode === 'demo') return { adminPin, generatedPin: null };
    const generatedPin = String(randomInt(0, 10 ** GENERATED_PIN_DIGITS)).padStart(GENERATED_PIN_DIGITS, '0');
    await adminPin.change(generatedPin);
    return { adminPin, generatedPin };
  }

  /** Resolves when `pin` is the admin PIN; rejects with an `unauthorized` BridgeError otherwise. */
  verify(pin: string | undefined): Promise<void> {
    const turn = this.queue.then(() => this.check(pin));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async change(pin: string): Promise<void> {
    this.options.storage.setAdminPinHash(await hashPin(pin, this.options.cost ?? PIN_SCRYPT_COST));
  }

  private async check(pin: string | undefined): Promise<void> {
    if (pin === undefined || pin === '') throw new BridgeError('unauthorized', 'This change needs the admin PIN');
    const wait = this.throttle.waitMs();
    if (wait > 0) throw new BridgeError('unauthorized', `Too many wrong admin PINs; try again in ${describeWait(wait)}`);
    const stored = this.options.storage.adminPinHash();
    const right = stored ? await pinMatches(pin, stored) : this.options.mode === 'demo' && pin === DEMO_ADMIN_PIN;
    if (!right) {
      this.throttle.failed();
      throw new BridgeError('unauthorized', 'Wrong admin PIN');
    }
    this.throttle.succeeded();
  }
}

/** `30 s` under two minutes, `5 min` above. */
function describeWait(ms: number): string {
  return ms < 120_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;
}
