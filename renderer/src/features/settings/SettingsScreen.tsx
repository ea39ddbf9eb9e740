import { useEffect, useState } from 'react';
import { deviceSelectors, settingsSelectors } from '../../store/selectors';
import { useAppStore } from '../../store/StoreProvider';
import { AdminSection } from './AdminSection';
import { AudioSection } from './AudioSection';
import { ConnectionSection } from './ConnectionSection';
import { DisplaySection } from './DisplaySection';
import { PinPrompt } from './PinPrompt';
import { useIdleClose } from './useIdleClose';

/**
 * The device's settings, over the whole screen. A kiosk shows nothing of them before the admin PIN; elsewhere audio and
 * display are open to the user and the phone service and administration ask for the PIN. The PIN lives in this
 * component only: closing the screen forgets it, and so does leaving it alone for two minutes.
 */
export function SettingsScreen() {
  const settings = useAppStore(settingsSelectors.settings);
  const mode = useAppStore(deviceSelectors.mode);
  const closeSettings = useAppStore((state) => state.closeSettings);
  const [adminPin, setAdminPin] = useState<string | null>(null);
  // Kiosk mode as it was when the screen opened: leaving it from here does not re-lock what is already open.
  const [gated] = useState(() => settings?.kiosk ?? true);
  useIdleClose(closeSettings);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeSettings();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeSettings]);

  return (
    <div className="settings" role="dialog" aria-modal="true" aria-labelledby="settings-title">
      <header className="settings__header">
        <h1 className="settings__title" id="settings-title">
          Settings
        </h1>
        <button type="button" className="settings-button" onClick={closeSettings}>
          Close settings
        </button>
      </header>
      {!settings ? (
        <p className="settings-field__hint">Reading the settings…</p>
      ) : gated && adminPin === null ? (
        <PinPrompt title="This kiosk's settings need the admin PIN." onUnlocked={setAdminPin} />
      ) : (
        <div className="settings__sections">
          <AudioSection settings={settings} />
          <DisplaySection settings={settings} />
          {adminPin === null ? (
            <section className="settings-section" aria-label="Phone service and administration">
              <PinPrompt title="The phone service and the administration need the admin PIN." onUnlocked={setAdminPin} />
            </section>
          ) : (
            <>
              <ConnectionSection settings={settings} mode={mode} adminPin={adminPin} />
              <AdminSection settings={settings} adminPin={adminPin} onPinChanged={setAdminPin} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
