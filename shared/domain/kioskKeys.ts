/** A key press as both the page (KeyboardEvent) and Electron (before-input-event's Input) describe it. */
export interface KeyPress {
  /** `KeyboardEvent.key`: `r`, `F5`, `ArrowLeft`, `+`. */
  readonly key: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** Ctrl/⌘ with these is editing in a text box (select all, copy, paste, cut, undo, redo), never the browser's. */
const EDITING_LETTERS: ReadonlySet<string> = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** …and so is Ctrl/⌘ with these (word-wise moving and deleting). */
const EDITING_KEYS: ReadonlySet<string> = new Set(['Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** A modifier pressed on its own does nothing yet. */
const MODIFIERS: ReadonlySet<string> = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
/** Keys a keyboard may have just for the browser. */
const BROWSER_KEYS: ReadonlySet<string> = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserFavorites', 'BrowserStop', 'ContextMenu']);

/**
 * Whether a kiosk swallows this key press: every function key (F5 reload, F11 full screen, F12 developer tools, F7
 * caret browsing…), the browser keys, Alt with a non-character key (Alt+Left is Back, Alt+F4 closes), and Ctrl/⌘ with
 * anything but text editing (Ctrl+R, Ctrl+Shift+I, Ctrl+L, Ctrl+P, Ctrl+W, Ctrl+Tab, Ctrl+± and Ctrl+0 zoom…).
 * Characters typed with AltGr (reported as Ctrl+Alt) or Option stay allowed: `@` must be typeable into a SIP URI.
 */
export function isBlockedInKiosk(press: KeyPress): boolean {
  if (MODIFIERS.has(press.key)) return false;
  const character = [...press.key].length === 1;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.key) || BROWSER_KEYS.has(press.key)) return true;
  // ⌘ is always a command (⌘⌥I opens the developer tools); Ctrl+Alt with a character is AltGr typing it.
  if (press.alt && !press.meta) return !character;
  if (!press.ctrl && !press.meta) return false;
  if (!character) return !EDITING_KEYS.has(press.key);
  const letter = press.key.toLowerCase();
  if (!EDITING_LETTERS.has(letter)) return true;
  // Ctrl+Shift+C inspects an element; Ctrl+Shift+V (paste as text) and Ctrl+Shift+Z (redo) are editing.
  return press.shift && letter !== 'v' && letter !== 'z';
}
