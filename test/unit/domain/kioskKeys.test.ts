import { describe, expect, it } from 'vitest';
import { isBlockedInKiosk, type KeyPress } from '../../../shared/domain/kioskKeys';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrl: false, meta: false, alt: false, shift: false, ...modifiers });

describe('kiosk keys', () => {
  it('blocks reload, developer tools, navigation, full screen, printing, new windows and zoom', () => {
    const blocked = [
      press('F5'),
      press('F12'),
      press('F11'),
      press('F7'),
      press('BrowserBack'),
      press('ContextMenu'),
      press('r', { ctrl: true }),
      press('R', { ctrl: true, shift: true }),
      press('I', { ctrl: true, shift: true }),
      press('J', { ctrl: true, shift: true }),
      press('C', { ctrl: true, shift: true }),
      press('i', { meta: true, alt: true }),
      press('u', { ctrl: true }),
      press('l', { ctrl: true }),
      press('p', { ctrl: true }),
      press('w', { ctrl: true }),
      press('n', { ctrl: true }),
      press('Tab', { ctrl: true }),
      press('PageDown', { ctrl: true }),
      press('+', { ctrl: true, shift: true }),
      press('=', { ctrl: true }),
      press('-', { ctrl: true }),
      press('0', { ctrl: true }),
      press('ArrowLeft', { alt: true }),
      press('ArrowRight', { alt: true }),
      press('Home', { alt: true }),
      press('F4', { alt: true }),
    ];
    expect(blocked.filter((key) => !isBlockedInKiosk(key))).toEqual([]);
  });

  it('lets the phone and text boxes work: digits, Enter, Backspace, Escape, copy and paste, word moves, AltGr characters', () => {
    const allowed = [
      press('5'),
      press('*'),
      press('#', { shift: true }),
      press('Enter'),
      press('Backspace'),
      press('Escape'),
      press('ArrowLeft'),
      press('Tab'),
      press('Tab', { shift: true }),
      press('v', { ctrl: true }),
      press('V', { ctrl: true, shift: true }),
      press('c', { ctrl: true }),
      press('a', { meta: true }),
      press('z', { ctrl: true }),
      press('Z', { ctrl: true, shift: true }),
      press('ArrowLeft', { ctrl: true }),
      press('Backspace', { ctrl: true }),
      press('Control', { ctrl: true }),
      press('Shift', { ctrl: true, shift: true }),
      press('Alt', { alt: true }),
      press('@', { ctrl: true, alt: true }), // AltGr+Q on a German keyboard
      press('€', { alt: true }), // Option+Shift+2 on a Mac
    ];
    expect(allowed.filter((key) => isBlockedInKiosk(key))).toEqual([]);
  });
});
