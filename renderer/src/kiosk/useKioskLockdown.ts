import { useEffect } from 'react';
import { isBlockedInKiosk } from '../../../shared/domain/kioskKeys';

/**
 * What a page can do to be a kiosk (the Electron app does the rest from outside): swallow the browser's reload,
 * navigation, developer-tools and zoom shortcuts, the context menu, Ctrl+wheel zoom and dragging things out; and,
 * through `html[data-kiosk]` in the styles, no text selection outside input fields.
 */
export function useKioskLockdown(kiosk: boolean): void {
  useEffect(() => {
    if (!kiosk) return;
    const root = document.documentElement;
    root.dataset.kiosk = '';
    const onKeyDown = (event: KeyboardEvent) => {
      const press = { key: event.key, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey };
      if (!isBlockedInKiosk(press)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const block = (event: Event) => event.preventDefault();
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) event.preventDefault();
    };
    // Capture, on window: before the phone's own key handling, and whatever element has the focus.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('contextmenu', block, { capture: true });
    window.addEventListener('dragstart', block, { capture: true });
    window.addEventListener('wheel', onWheel, { capture: true, passive: false });
    return () => {
      delete root.dataset.kiosk;
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('contextmenu', block, { capture: true });
      window.removeEventListener('dragstart', block, { capture: true });
      window.removeEventListener('wheel', onWheel, { capture: true });
    };
  }, [kiosk]);
}
