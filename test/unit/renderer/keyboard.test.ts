import { describe, expect, it } from 'vitest';
import { keyTargetOf, keyToAction, type KeyPress, type KeyTarget } from '../../../renderer/src/features/phone/keyboard';

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, isComposing: false, ...extra };
}

describe('keyToAction', () => {
  it('on the page: digits, *, #, + append; Backspace deletes; Enter calls; Escape clears', () => {
    for (const key of ['0', '1', '5', '9', '*', '#', '+']) expect(keyToAction(press(key), 'page')).toEqual({ type: 'append', text: key });
    expect(keyToAction(press('Backspace'), 'page')).toEqual({ type: 'delete' });
    expect(keyToAction(press('Enter'), 'page')).toEqual({ type: 'call' });
    expect(keyToAction(press('Escape'), 'page')).toEqual({ type: 'clear' });
  });

  it('ignores letters, other keys and shortcuts with modifiers', () => {
    for (const key of ['a', 'Tab', ' ', 'ArrowLeft', 'Delete', 'F5', 'Shift', '-']) expect(keyToAction(press(key), 'page')).toBeNull();
    expect(keyToAction(press('1', { ctrlKey: true }), 'page')).toBeNull();
    expect(keyToAction(press('r', { metaKey: true }), 'page')).toBeNull();
    expect(keyToAction(press('3', { altKey: true }), 'page')).toBeNull();
    expect(keyToAction(press('1', { isComposing: true }), 'page')).toBeNull();
  });

  it('in the Number box only Enter and Escape are handled, so typing is never doubled', () => {
    for (const key of ['1', '*', '#', '+', 'Backspace', 'a']) expect(keyToAction(press(key), 'number-field')).toBeNull();
    expect(keyToAction(press('Enter'), 'number-field')).toEqual({ type: 'call' });
    expect(keyToAction(press('Escape'), 'number-field')).toEqual({ type: 'clear' });
  });

  it('on a focused button Enter activates the button instead of calling; digits still dial', () => {
    expect(keyToAction(press('Enter'), 'button')).toBeNull();
    expect(keyToAction(press('7'), 'button')).toEqual({ type: 'append', text: '7' });
    expect(keyToAction(press('Escape'), 'button')).toEqual({ type: 'clear' });
  });

  it('leaves every key to other text fields', () => {
    for (const key of ['1', 'Enter', 'Escape', 'Backspace']) expect(keyToAction(press(key), 'editable')).toBeNull();
  });

  it('held keys repeat digits and Backspace, but not Call or Clear', () => {
    expect(keyToAction(press('4', { repeat: true }), 'page')).toEqual({ type: 'append', text: '4' });
    expect(keyToAction(press('Backspace', { repeat: true }), 'page')).toEqual({ type: 'delete' });
    expect(keyToAction(press('Enter', { repeat: true }), 'page')).toBeNull();
    expect(keyToAction(press('Escape', { repeat: true }), 'page')).toBeNull();
  });
});

describe('keyTargetOf', () => {
  const element = (tagName: string, attributes: Record<string, string> = {}, isContentEditable = false) => ({
    tagName,
    isContentEditable,
    getAttribute: (name: string) => attributes[name] ?? null,
  });
  const numberField = element('INPUT', { type: 'text' });

  it.each<[string, ReturnType<typeof element> | null, KeyTarget]>([
    ['nothing', null, 'page'],
    ['the body', element('BODY'), 'page'],
    ['a plain div', element('DIV'), 'page'],
    ['a button', element('BUTTON'), 'button'],
    ['a link', element('A', { href: '/admin' }), 'button'],
    ['an anchor without href', element('A'), 'page'],
    ['a role=button div', element('DIV', { role: 'button' }), 'button'],
    ['a checkbox', element('INPUT', { type: 'checkbox' }), 'button'],
    ['another text input', element('INPUT', { type: 'text' }), 'editable'],
    ['an input without type', element('INPUT'), 'editable'],
    ['a password input', element('INPUT', { type: 'password' }), 'editable'],
    ['a textarea', element('TEXTAREA'), 'editable'],
    ['a select', element('SELECT'), 'editable'],
    ['a contenteditable', element('DIV', {}, true), 'editable'],
  ])('%s', (_, target, expected) => {
    expect(keyTargetOf(target, numberField)).toBe(expected);
  });

  it('recognises the Number box itself', () => {
    expect(keyTargetOf(numberField, numberField)).toBe('number-field');
  });

  it('a read-only Number box (during a call) leaves its keys to the phone, so they send DTMF', () => {
    const readOnlyField = element('INPUT', { type: 'text', readonly: '' });
    expect(keyTargetOf(readOnlyField, readOnlyField)).toBe('page');
    expect(keyToAction(press('5'), keyTargetOf(readOnlyField, readOnlyField))).toEqual({ type: 'append', text: '5' });
  });

  it('treats window/document targets (no tagName) as the page', () => {
    expect(keyTargetOf({} as never, numberField)).toBe('page');
  });
});
