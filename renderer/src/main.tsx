import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pickBridge';
import { reloadWhenPbxBlocked } from './phone/blockedPbxReload';
import { createSipPhone } from './phone/sipPhone';
import { createAppStore } from './store';
import { StoreProvider } from './store/StoreProvider';
import './styles/tokens.css';
import './styles/base.css';
import './styles/visuallyHidden.css';
import './styles/layout.css';
import './styles/display.css';
import './styles/dialling.css';
import './styles/blf.css';
import './styles/settings.css';
import './styles/personal.css';

reloadWhenPbxBlocked();
const { bridge, connection } = pickBridge();
const store = createAppStore({ bridge, connection, phone: createSipPhone({ bridge }) });
// Reads app info, device view and settings, follows device.changed / settings.changed, and starts the SIP phone.
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
