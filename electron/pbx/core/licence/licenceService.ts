import type { ConsoleLicence } from '../../../../shared/contracts';
import type { DocumentStore, LicenceData } from '../../store';
import type { ChangeFeed } from '../hotdesk/changeFeed';
import { HotDeskError } from '../hotdesk/hotDeskErrors';
import { allowsHotDesking, type Licence } from './licencePayload';
import { verifyLicence, type LicenceVerdict } from './licenceToken';

/** The licence in force, as the admin API answers it. */
export type LicenceStatus = ConsoleLicence;

export type HotDeskAllowance = { ok: true; maxDevices: number | null } | { ok: false; reason: string };

export interface LicenceServiceOptions {
  store: DocumentStore<LicenceData>;
  /** The vendor's Ed25519 public key (assets/licence/public-key.pem); null when missing: no licence is accepted. */
  publicKeyPem: string | null;
  /** The built-in licence (demo mode's demo PRO licence), used while no valid licence is installed. */
  builtInToken: string | null;
  now(): Date;
  changes: ChangeFeed;
}

const NEEDS_PRO = 'Hot desking needs a PRO or Enterprise licence';

/** The PBX's licence: the installed token if valid, else the built-in demo licence (demo mode), else free. */
export class LicenceService {
  constructor(private readonly options: LicenceServiceOptions) {}

  status(): LicenceStatus {
    const installedToken = this.options.store.read().token;
    const installed = installedToken === null ? null : this.verify(installedToken);
    if (installed?.ok) return describe(installed.licence, 'installed', null);
    const builtIn = this.options.builtInToken === null ? null : this.verify(this.options.builtInToken);
    const installedProblem = installed && !installed.ok ? installed.reason : null;
    if (builtIn?.ok) return describe(builtIn.licence, 'built-in-demo', installedProblem);
    if (installed && !installed.ok) {
      const licence = installed.licence ?? null;
      return {
        ...describe(licence, 'installed', installed.reason),
        edition: 'free',
        state: installed.problem === 'expired' ? 'expired' : 'invalid',
        hotDesking: false,
      };
    }
    return { ...describe(null, 'none', builtIn && !builtIn.ok ? builtIn.reason : null), edition: 'free', state: 'none', hotDesking: false };
  }

  /** Whether hot-desking devices may be created, and how many. */
  hotDeskAllowance(): HotDeskAllowance {
    const status = this.status();
    if (status.hotDesking) return { ok: true, maxDevices: status.maxHotDeskDevices };
    const why = status.problem ? ` (${status.problem})` : ` (this PBX has the ${status.edition} edition)`;
    return { ok: false, reason: `${NEEDS_PRO}${why}. Install a licence under Licence.` };
  }

  /** Verifies and stores a licence token; refuses invalid or expired ones with the reason. */
  async install(token: string): Promise<LicenceStatus> {
    const verdict = this.verify(token);
    if (!verdict.ok) throw new HotDeskError('invalid-licence', verdict.reason, 'token', { problem: verdict.problem });
    const installedAt = this.options.now().toISOString();
    await this.options.store.update(() => ({ next: { token: token.trim(), installedAt }, result: undefined }));
    this.options.changes.emit({ type: 'licence.updated' });
    return this.status();
  }

  private verify(token: string): LicenceVerdict {
    if (this.options.publicKeyPem === null) {
      return { ok: false, problem: 'bad-signature', reason: 'The licence public key is missing from this installation' };
    }
    return verifyLicence(token, this.options.publicKeyPem, this.options.now());
  }
}

function describe(licence: Licence | null, source: LicenceStatus['source'], problem: string | null): LicenceStatus {
  return {
    edition: licence?.edition ?? 'free',
    source,
    state: licence ? 'valid' : 'none',
    licensee: licence?.licensee ?? null,
    issued: licence?.issued ?? null,
    expires: licence?.expires ?? null,
    maxHotDeskDevices: licence?.maxHotDeskDevices ?? null,
    hotDesking: licence !== null && allowsHotDesking(licence.edition),
    problem,
  };
}
