import { GearIcon } from '../../components/icons';
import { useAppStore } from '../../store/StoreProvider';

/** The gear on the display: opens the settings (in kiosk mode, after the admin PIN). */
export function SettingsButton() {
  const openSettings = useAppStore((state) => state.openSettings);
  return (
    <button type="button" className="settings-gear" aria-label="Settings" onClick={openSettings}>
      <GearIcon />
    </button>
  );
}
