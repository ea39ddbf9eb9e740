import type { ComponentType } from 'react';
import { AlertsPage } from './alerts/AlertsPage';
import { DialCodesPage } from './dialCodes/DialCodesPage';
import { ExtensionsPage } from './extensions/ExtensionsPage';
import { HotDeskingPage } from './hotDesking/HotDeskingPage';
import { LicencePage } from './licence/LicencePage';
import { LoginHistoryPage } from './loginHistory/LoginHistoryPage';
import { PhonesPage } from './phones/PhonesPage';
import { SystemPromptsPage } from './prompts/SystemPromptsPage';

/** One page of the console: its place in the navigation (`#/<id>`) and what it shows. */
export interface ConsolePage {
  /** The hash route, e.g. `hot-desking` for `/admin#/hot-desking`. */
  readonly id: string;
  /** The navigation entry and the page's heading. */
  readonly title: string;
  readonly component: ComponentType;
}

/**
 * Every page of the console, in navigation order; the first is shown after sign-in. A new page is one file under
 * pages/ and its line here (docs/ARCHITECTURE.md, "Management console").
 */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { id: 'hot-desking', title: 'Hot desking', component: HotDeskingPage },
  { id: 'phones', title: 'Phones', component: PhonesPage },
  { id: 'extensions', title: 'Extensions', component: ExtensionsPage },
  { id: 'dial-codes', title: 'Dial codes', component: DialCodesPage },
  { id: 'system-prompts', title: 'System prompts', component: SystemPromptsPage },
  { id: 'licence', title: 'Licence', component: LicencePage },
  { id: 'login-history', title: 'Login history', component: LoginHistoryPage },
  { id: 'alerts', title: 'Alerts', component: AlertsPage },
];

/** The page a location hash names (`#/phones`), else the first. */
export function pageForHash(hash: string, pages: readonly ConsolePage[] = CONSOLE_PAGES): ConsolePage {
  const id = hash.replace(/^#\/?/, '');
  return pages.find((page) => page.id === id) ?? (pages[0] as ConsolePage);
}
