import { useEffect } from 'react';
import { PhoneScreen } from './features/phone/PhoneScreen';
import { useAppStore } from './store/StoreProvider';
import { settingsSelectors } from './store/selectors';
import { applyTheme } from './theme';

export function App() {
  const theme = useAppStore(settingsSelectors.theme);
  useEffect(() => applyTheme(document.documentElement, theme), [theme]);
  return <PhoneScreen />;
}
