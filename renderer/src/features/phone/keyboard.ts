/** What a key press does to the phone. */
export type KeypadAction = { type: 'append'; text: string } | { type: 'delete' } | { type: 'call' } | { type: 'clear' };

/** The fields of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat: boolean;
  readonly isComposing: boolean;
}

/**
 * Where the key press happened, which decides who handles it:
 * - `number-field`: the Number textbox edits itself (typing, Backspace, paste, caret); only Enter and Escape are ours.
 * - `editable`: any other text field or select (settings, forms) owns every key.
 * - `button`: Enter and Space activate the focused control natively; everything else is ours.
 * - `page`: nothing that takes keys has focus; every phone key is ours.
 */
export type KeyTarget = 'number-field' | 'editable' | 'button' | 'page';

const DIAL_KEYS = /^[0-9*#+]$/;

/**
 * Maps a physical key press to a phone action, or null to leave it to the browser. Because the Number textbox handles
 * its own typing and the global handler ignores those keys there, each key lands in the number exactly once.
 */
export function keyToAction(press: KeyPress, target: KeyTarget): KeypadAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  if (target === 'editable') return null;
  const { key } = press;
  if (key === 'Escape') return press.repeat ? null : { type: 'clear' };
  if (key === 'Enter') return target === 'button' || press.repeat ? null : { type: 'call' };
  if (target === 'number-field') return null;
  if (key === 'Backspace') return { type: 'delete' };
  if (DIAL_KEYS.test(key)) return { type: 'append', text: key };
  return null;
}

/** The DOM facts `keyTargetOf` needs; an Element satisfies it. */
export interface TargetLike {
  readonly tagName?: string;
  readonly isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);
const BUTTON_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option']);

/** Classifies the element a key event was aimed at. */
export function keyTargetOf(target: TargetLike | null | undefined, numberField: TargetLike | null | undefined): KeyTarget {
  if (!target || typeof target.tagName !== 'string') return 'page';
  // A read-only Number box (during a call) types nothing itself: its keys are the phone's (DTMF).
  if (numberField && target === numberField) return target.getAttribute?.('readonly') != null ? 'page' : 'number-field';
  if (target.isContentEditable) return 'editable';
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'editable';
  if (tag === 'INPUT') {
    const type = (target.getAttribute?.('type') ?? 'text').toLowerCase();
    return NON_TEXT_INPUTS.has(type) ? 'button' : 'editable';
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || (tag === 'A' && target.getAttribute?.('href') != null)) return 'button';
  const role = target.getAttribute?.('role');
  if (role && BUTTON_ROLES.has(role)) return 'button';
  return 'page';
}
