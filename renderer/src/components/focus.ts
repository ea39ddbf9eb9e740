import type { MouseEvent } from 'react';

/**
 * For on-screen phone keys: a mouse or touch press must not pull focus away from where the user is typing (the Number
 * box keeps its caret, and Enter keeps meaning Call). Keyboard users still Tab to the keys as usual.
 */
export function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}
