import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAutoLogoutSlice } from './autoLogoutSlice';
import { createBlfSlice } from './blfSlice';
import { createCallLinesSlice } from './callLinesSlice';
import { createCallsSlice } from './callsSlice';
import { createDeviceSlice } from './deviceSlice';
import { createDirectorySlice } from './directorySlice';
import { createHistorySlice } from './historySlice';
import { createSessionSlice } from './sessionSlice';
import { createSettingsSlice } from './settingsSlice';
import type { AppState, Services } from './types';

export type AppStore = StoreApi<AppState>;

/** The one store of the renderer, combined once from its slices (zustand's slices pattern). */
export function createAppStore(services: Services): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDeviceSlice(services)(...a),
    ...createSessionSlice(services)(...a),
    ...createCallsSlice(services)(...a),
    ...createCallLinesSlice(services)(...a),
    ...createBlfSlice(services)(...a),
    ...createSettingsSlice(services)(...a),
    ...createHistorySlice(services)(...a),
    ...createDirectorySlice(services)(...a),
    ...createAutoLogoutSlice(services)(...a),
  }));
}

export * from './selectors';
export type * from './types';
