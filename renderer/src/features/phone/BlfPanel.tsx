import { BlfKeyButton } from '../../components/BlfKeyButton';
import { PageSwitcher } from '../../components/PageSwitcher';
import { useAppStore } from '../../store/StoreProvider';
import { blfSelectors, sessionSelectors } from '../../store/selectors';

/** The column of programmable keys: Logout first on a hot-desk device, then the user's keys, paged. */
export function BlfPanel() {
  const pages = useAppStore(blfSelectors.pages);
  const page = useAppStore(blfSelectors.page);
  const states = useAppStore(blfSelectors.states);
  const canLogout = useAppStore(sessionSelectors.canLogout);
  const showBlfPage = useAppStore((state) => state.showBlfPage);
  const pressBlfKey = useAppStore((state) => state.pressBlfKey);
  const keys = pages[page] ?? [];

  return (
    <section className="blf-panel" role="group" aria-label="BLF keys">
      <h2 className="panel-title" aria-hidden="true">
        Keys
      </h2>
      {keys.length === 0 ? <p className="blf-panel__empty">No keys</p> : null}
      <ul className="blf-panel__keys">
        {keys.map((key, index) => (
          <li key={`${page}-${index}-${key.type}-${key.label}`}>
            <BlfKeyButton
              blfKey={key}
              state={key.type === 'blf' ? (states[key.extension] ?? 'unknown') : 'unknown'}
              disabled={key.type === 'logout' && !canLogout}
              onPress={(pressed) => void pressBlfKey(pressed)}
            />
          </li>
        ))}
      </ul>
      {pages.length > 1 ? (
        <PageSwitcher page={page} pageCount={pages.length} onPrevious={() => showBlfPage(page - 1)} onNext={() => showBlfPage(page + 1)} />
      ) : null}
    </section>
  );
}
