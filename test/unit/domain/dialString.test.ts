import { describe, expect, it } from 'vitest';
import { DEFAULT_DIAL_CODES, findHotDeskClashes } from '../../../shared/domain/dialCodes';
import { classifyDialString, isAllowedWhileIdle, MAX_DIAL_LENGTH } from '../../../shared/domain/dialString';

const context = { emergencyNumbers: ['911', '112', '999'] };
const classify = (input: string) => classifyDialString(input, context);

describe('classifyDialString', () => {
  it('recognises a hot-desk login with its extension', () => {
    expect(classify('*77*100*')).toEqual({ kind: 'hotdesk-login', dialString: '*77*100*', extension: '100' });
  });

  it('recognises the logout code before the login prefix it shares', () => {
    expect(classify('*77*5*')).toEqual({ kind: 'hotdesk-logout', dialString: '*77*5*' });
  });

  it.each(['911', '112', '999'])('treats %s as an emergency number', (number) => {
    expect(classify(number).kind).toBe('emergency');
  });

  it('uses the device emergency numbers, not a fixed list', () => {
    expect(classifyDialString('000', { emergencyNumbers: ['000'] }).kind).toBe('emergency');
    expect(classifyDialString('911', { emergencyNumbers: ['000'] }).kind).toBe('number');
  });

  it('recognises voicemail and pickup codes', () => {
    expect(classify('*999').kind).toBe('voicemail');
    expect(classify('*20*')).toEqual({ kind: 'pickup', dialString: '*20*', extension: null });
    expect(classify('*20*101')).toEqual({ kind: 'pickup', dialString: '*20*101', extension: '101' });
  });

  it('follows changed dial codes', () => {
    const codes = { ...DEFAULT_DIAL_CODES, login: '*88*', logout: '*88*0*' };
    expect(classifyDialString('*88*101*', { ...context, dialCodes: codes })).toMatchObject({ kind: 'hotdesk-login', extension: '101' });
    expect(classifyDialString('*88*0*', { ...context, dialCodes: codes }).kind).toBe('hotdesk-logout');
    expect(classifyDialString('*77*101*', { ...context, dialCodes: codes }).kind).toBe('number');
  });

  it('treats ordinary numbers and other codes as numbers for the PBX to route', () => {
    expect(classify('200')).toEqual({ kind: 'number', dialString: '200' });
    expect(classify('+4930123456').kind).toBe('number');
    expect(classify('*43').kind).toBe('number');
  });

  it('ignores visual separators people type', () => {
    expect(classify('(030) 123-45 67')).toEqual({ kind: 'number', dialString: '0301234567' });
  });

  it.each([
    ['', 'Enter a number to call'],
    ['   ', 'Enter a number to call'],
    ['12a4', 'Only digits, * and # can be dialled'],
    ['1+2', 'Only digits, * and # can be dialled'],
    ['*77*100', 'To log in, dial *77*<extension>* (end with *)'],
    ['*77**', 'To log in, dial *77*<extension>*'],
    ['*77*1#0*', 'To log in, dial *77*<extension>*'],
    ['*20*1#', 'Pickup is *20*<extension>'],
    ['1'.repeat(MAX_DIAL_LENGTH + 1), `Numbers are at most ${MAX_DIAL_LENGTH} digits`],
  ])('refuses %j with a reason', (input, reason) => {
    expect(classify(input)).toMatchObject({ kind: 'invalid', reason });
  });
});

describe('isAllowedWhileIdle', () => {
  it.each([
    ['911', true],
    ['*77*101*', true],
    ['*77*5*', true],
    ['200', false],
    ['*999', false],
    ['*20*101', false],
    ['', false],
  ])('%j → %s', (input, allowed) => {
    expect(isAllowedWhileIdle(classify(input))).toBe(allowed);
  });
});

describe('findHotDeskClashes', () => {
  it('finds no clash in the defaults', () => {
    expect(findHotDeskClashes(DEFAULT_DIAL_CODES)).toEqual([]);
  });

  it('names every other code that starts with *7', () => {
    expect(findHotDeskClashes({ ...DEFAULT_DIAL_CODES, voicemail: '*70', pickup: '*7' })).toEqual(['voicemail', 'pickup']);
  });
});
