import type { Input, WebContents } from 'electron';
import { isBlockedInKiosk } from '../../shared/domain/kioskKeys';

/**
 * What the window does while the device is in kiosk mode (asked each time: the mode can change while it is open):
 * the browser's reload, navigation, developer-tools and zoom shortcuts never reach the page or Chromium, developer
 * tools that open anyway close again, and pinch zoom is off. The page blocks the context menu and selection itself.
 */
export function lockDownKiosk(contents: WebContents, isKiosk: () => boolean): void {
  contents.on('before-input-event', (event, input: Input) => {
    if (input.type !== 'keyDown' || !isKiosk()) return;
    if (isBlockedInKiosk({ key: input.key, ctrl: input.control, meta: input.meta, alt: input.alt, shift: input.shift })) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (isKiosk()) contents.closeDevTools();
  });
  // Ctrl+wheel and Ctrl+± are the app's to handle in Electron; it never zooms the kiosk.
  contents.on('zoom-changed', () => {
    if (isKiosk()) contents.setZoomLevel(0);
  });
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
}
