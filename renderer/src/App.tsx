import { useEffect } from 'react';
import { PhoneScreen } from './features/phone/PhoneScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { useKioskLockdown } from './kiosk/useKioskLockdown';
import { useAppStore } from './store/StoreProvider';
import { callsSelectors, deviceSelectors, settingsSelectors } from './store/selectors';
import { applyTheme } from './theme';

export function App() {
  const theme = useAppStore(settingsSelectors.theme);
  const kiosk = useAppStore(settingsSelectors.kiosk);
  const language = useAppStore(deviceSelectors.language);
  const settingsOpen = useAppStore(settingsSelectors.open);
  const inCall = useAppStore(callsSelectors.inCall);
  const closeSettings = useAppStore((state) => state.closeSettings);
  useEffect(() => applyTheme(document.documentElement, theme), [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useKioskLockdown(kiosk);
  // A call takes the screen back: the settings close (and forget the admin PIN).
  useEffect(() => {
    if (inCall) closeSettings();
  }, [inCall, closeSettings]);
  return settingsOpen && !inCall ? <SettingsScreen /> : <PhoneScreen />;
}
