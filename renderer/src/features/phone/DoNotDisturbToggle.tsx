import { keepFocus } from '../../components/focus';
import { useAppStore } from '../../store/StoreProvider';
import { historySelectors, sessionSelectors } from '../../store/selectors';

/**
 * Do not disturb, for whoever the phone is now (a logged-in user or a plain account; an idle pool phone has no calls
 * to refuse). It is the identity's: a logout or roaming turns it off.
 */
export function DoNotDisturbToggle() {
  const identity = useAppStore(sessionSelectors.identity);
  const on = useAppStore(historySelectors.doNotDisturb);
  const toggle = useAppStore((state) => state.toggleDoNotDisturb);
  if (identity?.kind !== 'user' && identity?.kind !== 'account') return null;
  return (
    <button type="button" className="dnd-toggle" aria-pressed={on} onMouseDown={keepFocus} onClick={toggle}>
      Do not disturb
    </button>
  );
}
