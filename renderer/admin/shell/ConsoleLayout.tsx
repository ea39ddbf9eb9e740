import { useEffect, useRef } from 'react';
import { AlertsProvider } from '../alerts/AlertsContext';
import { EmergencyBanner } from '../alerts/EmergencyBanner';
import { CONSOLE_PAGES, pageForHash } from '../pages/registry';
import { ConnectionIndicator } from './ConnectionIndicator';
import { Navigation } from './Navigation';
import { useHashRoute } from './useHashRoute';

/** The signed-in console: header (who, live state, Sign out), navigation, the emergency banner and the current page. */
export function ConsoleLayout({ user, onSignOut }: { user: string; onSignOut(): void }) {
  const page = pageForHash(useHashRoute());
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // After navigating, focus the new page's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
    document.title = `${page.title} — Hotdesk console`;
  }, [page]);
  const Page = page.component;
  return (
    <AlertsProvider>
      <div className="console">
        {/* Not a fragment link: the hash is the route. */}
        <button type="button" className="skip-link" onClick={() => heading.current?.focus()}>
          Skip to content
        </button>
        <header className="console-header">
          <p className="console-brand">Hotdesk console</p>
          <ConnectionIndicator />
          <p className="console-user">
            Signed in as <strong>{user}</strong>
          </p>
          <button type="button" className="button" onClick={onSignOut}>
            Sign out
          </button>
        </header>
        <Navigation pages={CONSOLE_PAGES} current={page} />
        <main className="console-main">
          <EmergencyBanner />
          <h1 ref={heading} tabIndex={-1}>
            {page.title}
          </h1>
          <Page />
        </main>
      </div>
    </AlertsProvider>
  );
}
