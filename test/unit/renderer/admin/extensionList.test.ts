import { describe, expect, it } from 'vitest';
import { type ExtensionItem, hotDeskingText, keepListed, lockText, replaceItems, searchPath, toEnable, toggle, toggleAll } from '../../../../renderer/admin/pages/extensions/extensionList';

const item = (extension: string, change: Partial<ExtensionItem> = {}): ExtensionItem => ({
  extension,
  name: `User ${extension}`,
  hotDesking: false,
  pinSet: true,
  blf: [],
  locked: false,
  lockedUntil: null,
  ...change,
});

const LIST = [item('100', { hotDesking: true }), item('104'), item('106', { pinSet: false })];

describe('the Extensions list', () => {
  it('selects one, all, or none again', () => {
    expect([...toggle(new Set(['100']), '104')]).toEqual(['100', '104']);
    expect([...toggle(new Set(['100', '104']), '100')]).toEqual(['104']);
    expect([...toggleAll(new Set(['100']), LIST)]).toEqual(['100', '104', '106']);
    expect([...toggleAll(new Set(['100', '104', '106']), LIST)]).toEqual([]);
    expect([...toggleAll(new Set(), [])]).toEqual([]);
  });

  it('keeps only listed extensions selected after a new search', () => {
    expect([...keepListed(new Set(['100', '105']), LIST)]).toEqual(['100']);
  });

  it('enables hot desking only for the selected extensions that lack it, in list order', () => {
    expect(toEnable(new Set(['106', '100', '104']), LIST)).toEqual(['104', '106']);
    expect(toEnable(new Set(['100']), LIST)).toEqual([]);
  });

  it('puts updated extensions in place', () => {
    const updated = replaceItems(LIST, [item('104', { hotDesking: true })]);
    expect(updated.map((entry) => [entry.extension, entry.hotDesking])).toEqual([['100', true], ['104', true], ['106', false]]);
  });

  it('says why a hot-desk login would be refused', () => {
    expect(hotDeskingText(item('100', { hotDesking: true }))).toBe('On');
    expect(hotDeskingText(item('100', { hotDesking: true, pinSet: false }))).toBe('On — no PIN set, logins are refused');
    expect(hotDeskingText(item('100'))).toBe('Off');
  });

  it("shows a lock's end in the browser's time zone", () => {
    const locked = item('101', { locked: true, lockedUntil: '2026-12-01T09:15:00.000Z' });
    expect(lockText(locked, { timeZone: 'Europe/Berlin', locale: 'en-GB' })).toBe('Locked until 01/12/2026, 10:15');
    expect(lockText(locked, { timeZone: 'America/New_York', locale: 'en-GB' })).toBe('Locked until 01/12/2026, 04:15');
    expect(lockText(item('101'))).toBe('Unlocked');
  });

  it('searches by the trimmed text, encoded', () => {
    expect(searchPath('  ')).toBe('/extensions');
    expect(searchPath(' Bob & Co ')).toBe('/extensions?q=Bob+%26+Co');
    expect(searchPath('x'.repeat(80))).toBe(`/extensions?q=${'x'.repeat(64)}`);
  });
});
