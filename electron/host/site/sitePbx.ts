import type { Mode, Settings } from '../../../shared/contracts';
import type { SettingsStore } from '../settings/settingsStore';
import type { EmbeddedPbx } from './embeddedPbx';

/** The site PBX this device belongs to, or null when it runs its own: the settings' `sitePbxUrl`, in site mode only. */
export function joinedPbxUrl(mode: Mode, settings: Pick<Settings, 'sitePbxUrl'>): string | null {
  return mode === 'site' ? settings.sitePbxUrl : null;
}

/**
 * Applies a change of the site PBX live (README, "Site deployment"): joining one stops the embedded PBX, leaving it
 * starts the embedded PBX again; then `rejoin` sends the device's plug-and-play to wherever it belongs now. Returns
 * the unsubscribe.
 */
export function followSitePbx(settings: SettingsStore, mode: Mode, embedded: EmbeddedPbx, rejoin: () => void): () => void {
  let joined = joinedPbxUrl(mode, settings.get());
  return settings.onChange((next) => {
    const url = joinedPbxUrl(mode, next);
    if (url === joined) return;
    joined = url;
    void embedded.want(url === null).then(rejoin);
  });
}
