import type { Mode } from '../../../shared/contracts';
import { BUSY_LINE, ECHO_TEST, type HotDesk, loadLicenceAssets, mirrorSipAccounts, openHotDesk, type PendingPhoneSighting, RECEPTION, SipAccounts } from '../core';
import { DEFAULT_DEVICE_OPTIONS } from '../store';

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
  // Seeding the demo directory already asks for the reserved numbers, before `opened` is set.
  let opened: HotDesk | null = null;
  const emergencyNumbers = () => [
    ...new Set([...DEFAULT_DEVICE_OPTIONS.emergencyNumbers, ...(opened?.devices.list() ?? []).flatMap((device) => device.options.emergencyNumbers)]),
  ];
  const hotDesk: HotDesk = await openHotDesk(options.dataDir, {
    mode: options.mode,
    realm: options.domain,
    licence: await loadLicenceAssets(options.licenceDir),
    reservedNumbers: () => [RECEPTION, ECHO_TEST, BUSY_LINE, ...emergencyNumbers()],
    localDeviceKey: options.localDeviceKey,
  });
  opened = hotDesk;
  const accounts = new SipAccounts(options.domain);
  const stopMirror = mirrorSipAccounts(hotDesk, accounts);
  return { hotDesk, accounts, emergencyNumbers, stopMirror };
}

/** Lists a phone under Phones (a plug-and-play request, or a proof of a key its device is not enrolled to). */
export function recordPendingPhone(hotDesk: HotDesk, sighting: PendingPhoneSighting): void {
  void hotDesk.pendingPhones.upsert(sighting).catch((error: unknown) => console.error('pending phone not saved:', error));
}
