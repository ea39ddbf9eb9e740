import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pickBridge';
import { createUnavailablePhoneService } from './phone/phoneService';
import { createAppStore } from './store';
import { StoreProvider } from './store/StoreProvider';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/display.css';
import './styles/dialling.css';
import './styles/blf.css';

const { bridge, connection } = pickBridge();
const store = createAppStore({ bridge, connection, phone: createUnavailablePhoneService() });
// Reads app info, device view and settings, and follows device.changed / settings.changed from here on.
store.getState().start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
