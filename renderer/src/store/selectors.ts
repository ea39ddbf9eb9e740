import type { BlfKey, BlfState } from '../../../shared/domain/blfLayout';
import { blfPagesFor } from './blfPages';
import type { AppState } from './types';

/** Keys per BLF page until the device's options are known. */
export const FALLBACK_KEYS_PER_PAGE = 10;

export const deviceSelectors = {
  status: (state: AppState) => state.deviceStatus,
  error: (state: AppState) => state.deviceError,
  mac: (state: AppState) => state.mac,
  options: (state: AppState) => state.deviceOptions,
  location: (state: AppState) => state.deviceOptions?.location ?? null,
  timeZone: (state: AppState) => state.deviceOptions?.timeZone ?? null,
  /** The device's own setting first, then the device's Options from provisioning. */
  timeFormat: (state: AppState) => state.settings?.timeFormat ?? state.deviceOptions?.timeFormat ?? '24h',
  /** The language of the date and time on the display. */
  language: (state: AppState) => state.settings?.language ?? 'en-US',
  keysPerPage: (state: AppState) => state.deviceOptions?.keysPerPage ?? FALLBACK_KEYS_PER_PAGE,
  mode: (state: AppState) => state.appInfo?.mode ?? null,
  provisioningError: (state: AppState) => state.provisioningError,
  logoutPending: (state: AppState) => state.logoutPending,
  connection: (state: AppState) => state.connection,
};

export const sessionSelectors = {
  identity: (state: AppState) => state.identity,
  registration: (state: AppState) => state.registration,
  registrationProblem: (state: AppState) => state.registrationProblem,
  /** Idle hot-desk device: registered as its pool name, waiting for a user to log in. */
  isIdle: (state: AppState) => state.identity?.kind === 'pool',
  /** Logout applies only to a hot-desk user's session. */
  canLogout: (state: AppState) => state.identity?.kind === 'user',
};

export const callsSelectors = {
  number: (state: AppState) => state.number,
  caption: (state: AppState) => state.caption,
  call: (state: AppState) => state.call,
  calls: (state: AppState) => state.calls,
  /** The Number box takes a transfer target during a call. */
  transferring: (state: AppState) => state.transferring,
  inCall: (state: AppState) => state.call !== null,
  /** The number the Emergency call control dials during a call, while no emergency call is up yet. */
  emergencyCallNumber: (state: AppState) => {
    const numbers = state.deviceOptions?.emergencyNumbers ?? [];
    return state.calls.some((call) => numbers.includes(call.number)) ? null : (numbers[0] ?? null);
  },
};

export const historySelectors = {
  recentCalls: (state: AppState) => state.recentCalls,
  redialNumber: (state: AppState) => state.redialNumber,
  missedUnseen: (state: AppState) => state.missedUnseen,
  doNotDisturb: (state: AppState) => state.doNotDisturb,
};

export const directorySelectors = {
  available: (state: AppState) => state.directoryAvailable,
  query: (state: AppState) => state.directoryQuery,
  results: (state: AppState) => state.directoryResults,
  error: (state: AppState) => state.directoryError,
};

export const autoLogoutSelectors = {
  warning: (state: AppState) => state.autoLogoutWarning,
};

let pagesCache: { inputs: readonly unknown[]; pages: BlfKey[][] } | null = null;

export const blfSelectors = {
  /** Memoised on its inputs, so components can select it without re-rendering on unrelated changes. */
  pages(state: AppState): BlfKey[][] {
    const inputs = [state.identity, state.blfPositions, deviceSelectors.keysPerPage(state)] as const;
    if (pagesCache && pagesCache.inputs.every((input, index) => Object.is(input, inputs[index]))) return pagesCache.pages;
    const pages = blfPagesFor(inputs[0], inputs[1], inputs[2]);
    pagesCache = { inputs, pages };
    return pages;
  },
  pageCount: (state: AppState) => blfSelectors.pages(state).length,
  /** The page on show, kept in range when the layout shrinks under it. */
  page: (state: AppState) => Math.min(state.blfPage, Math.max(0, blfSelectors.pages(state).length - 1)),
  keyState: (extension: string) => (state: AppState): BlfState => state.blfStates[extension] ?? 'unknown',
  states: (state: AppState) => state.blfStates,
};

export const settingsSelectors = {
  settings: (state: AppState) => state.settings,
  theme: (state: AppState) => state.settings?.theme ?? 'system',
  kiosk: (state: AppState) => state.settings?.kiosk ?? false,
  open: (state: AppState) => state.settingsOpen,
};
