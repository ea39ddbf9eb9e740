import type { Mode } from '../../../shared/contracts';
import { type HotDesk, loadLicenceAssets, mirrorSipAccounts, openHotDesk, type PendingPhoneSighting, SERVICE_NUMBERS, SipAccounts } from '../core';

export interface PbxDirectory {
  hotDesk: HotDesk;
  /** The registrar's SIP accounts, kept equal to the stored extensions and pool identities until stopMirror(). */
  accounts: SipAccounts;
  /** The emergency numbers of every device, and the defaults. */
  emergencyNumbers(): string[];
  stopMirror(): void;
}

/** Opens the PBX's data (extensions, devices, licence…) under `dataDir` and mirrors its SIP accounts. */
export async function openPbxDirectory(options: {
  dataDir: string;
  mode: Mode;
  domain: string;
  licenceDir: string;
  /** The device host's public key: demo mode enrols the demo devices to it. */
  localDeviceKey: string | null;
}): Promise<PbxDirectory> {
  const hotDesk: HotDesk = await openHotDesk(options.dataDir, {
    mode: options.mode,
    realm: options.domain,
    licence: await loadLicenceAssets(options.licenceDir),
    serviceNumbers: () => SERVICE_NUMBERS,
    localDeviceKey: options.localDeviceKey,
  });
  const accounts = new SipAccounts(options.domain);
  const stopMirror = mirrorSipAccounts(hotDesk, accounts);
  return { hotDesk, accounts, emergencyNumbers: () => hotDesk.numbers.emergencyNumbers(), stopMirror };
}

/** Lists a phone under Phones (a plug-and-play request, or a proof of a key its device is not enrolled to). */
export function recordPendingPhone(hotDesk: HotDesk, sighting: PendingPhoneSighting): void {
  void hotDesk.pendingPhones.upsert(sighting).catch((error: unknown) => console.error('pending phone not saved:', error));
}
