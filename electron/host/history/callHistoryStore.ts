import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { callHistorySchema, EMPTY_CALL_HISTORY, type CallHistory, type CallHistoryChange, type IdentityHistory } from '../../../shared/contracts';
import { applyHistoryChange } from '../../../shared/domain/callHistoryRules';
import { ensurePrivateDirectory, moveAsideSync, writeFileAtomicSync } from '../../common';

const storedSchema = z.strictObject({ version: z.literal(1), identity: z.string().min(1).max(300), history: callHistorySchema });

/** A device's name in file names: its MAC's hex digits, or `account-101` for a demo softphone page. */
const DEVICE_KEY = /^[a-z0-9-]{1,40}$/;

/**
 * The recent calls, Redial, missed-call count and Do not disturb of each device's current identity, one private file
 * per device (`<dataDir>/call-history/<device>.json`, 0600). They belong to the identity: the moment the device has
 * another one (logout, roaming, a login) the file is deleted, whoever notices first — a read, a change, or the
 * provisioning client reporting the new identity (README, "Hot desking on the phone", privacy).
 */
export class CallHistoryStore {
  private readonly cache = new Map<string, { identity: string; history: CallHistory } | null>();

  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** The history of `identity` on `device`; another identity's is wiped first. */
  read(device: string, identity: string | null): IdentityHistory {
    this.observe(device, identity);
    return { identity, history: identity === null ? EMPTY_CALL_HISTORY : (this.load(device)?.history ?? EMPTY_CALL_HISTORY) };
  }

  /**
   * Applies a change the phone made for `about`. A change about anything but the device's current identity (a call
   * that ended just as the user logged out) is dropped: it must not land on the next user.
   */
  change(device: string, identity: string | null, about: string, change: CallHistoryChange): IdentityHistory {
    const current = this.read(device, identity);
    if (identity === null || about !== identity) return current;
    const history = applyHistoryChange(current.history, change);
    this.save(device, identity, history);
    return { identity, history };
  }

  /**
   * The device has this identity now: a stored history of another one is deleted. Returns whether it was. No identity
   * (a device whose provisioning is still being read from disk, or not known to a PBX) wipes nothing: the next
   * identity the device has decides.
   */
  observe(device: string, identity: string | null): boolean {
    const stored = this.load(device);
    if (identity === null || stored === null || stored.identity === identity) return false;
    this.remove(device);
    return true;
  }

  private fileOf(device: string): string {
    if (!DEVICE_KEY.test(device)) throw new Error(`not a device key: ${device.slice(0, 50)}`);
    return path.join(this.dir, `${device}.json`);
  }

  private load(device: string): { identity: string; history: CallHistory } | null {
    const cached = this.cache.get(device);
    if (cached !== undefined) return cached;
    const file = this.fileOf(device);
    let loaded: { identity: string; history: CallHistory } | null = null;
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // No file: nothing remembered.
    }
    if (text !== null) {
      const parsed = parseStored(text);
      if (parsed) loaded = { identity: parsed.identity, history: parsed.history };
      else this.warn(`call history of ${device} is unreadable; moved aside to ${moveAsideSync(file, new Date())}`);
    }
    this.cache.set(device, loaded);
    return loaded;
  }

  private save(device: string, identity: string, history: CallHistory): void {
    const problem = ensurePrivateDirectory(this.dir, 'call history directory');
    if (problem) this.warn(problem);
    writeFileAtomicSync(this.fileOf(device), `${JSON.stringify(storedSchema.parse({ version: 1, identity, history }))}\n`);
    this.cache.set(device, { identity, history });
  }

  private remove(device: string): void {
    rmSync(this.fileOf(device), { force: true });
    this.cache.set(device, null);
  }
}

function parseStored(text: string): z.infer<typeof storedSchema> | null {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
