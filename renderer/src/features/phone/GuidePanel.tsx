import { useAppStore } from '../../store/StoreProvider';
import { deviceSelectors, sessionSelectors } from '../../store/selectors';
import { guideFor } from './guide';
import { DirectorySearch } from './DirectorySearch';
import { DoNotDisturbToggle } from './DoNotDisturbToggle';
import { RecentCalls } from './RecentCalls';

const NO_NUMBERS: readonly string[] = [];

/** Help for walk-up users in the column left of the keypad (where call controls will also appear). */
export function GuidePanel() {
  const status = useAppStore(deviceSelectors.status);
  const identity = useAppStore(sessionSelectors.identity);
  const emergencyNumbers = useAppStore((state) => state.deviceOptions?.emergencyNumbers ?? NO_NUMBERS);
  return (
    <aside className="guide-panel" aria-label="How to use this phone">
      <DoNotDisturbToggle />
      <DirectorySearch />
      <RecentCalls />
      {guideFor(status === 'ready' ? identity : undefined, emergencyNumbers).map((section) => (
        <section key={section.title} className="guide-panel__section">
          <h2 className="panel-title">{section.title}</h2>
          {section.lines.map((line) => (
            <p key={line} className="guide-panel__line">
              {line}
            </p>
          ))}
        </section>
      ))}
    </aside>
  );
}
