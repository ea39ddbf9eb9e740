import { describe, expect, it } from 'vitest';
import { type BlfPosition, MAX_BLF_POSITIONS } from '../../../../shared/domain/blfLayout';
import { addRow, canAddRow, EMPTY_ROW, isChanged, keyLabel, moveRow, positionsOf, previewKeysPerPageChoices, previewPages, removeRow, rowsOf, updateRow } from '../../../../renderer/admin/pages/extensions/blfDraft';

const ALICE_KEYS: BlfPosition[] = [
  { type: 'blf', extension: '101', label: 'Bob Brown' },
  null,
  { type: 'blf', extension: '102', label: 'Carol Chen' },
  { type: 'speed-dial', number: '0', label: 'Reception' },
  null,
  { type: 'line', label: 'Line 1' },
];

describe('the BLF positions editor', () => {
  it('turns positions into rows and back without losing anything', () => {
    expect(positionsOf(rowsOf(ALICE_KEYS))).toEqual(ALICE_KEYS);
    expect(rowsOf([null])).toEqual([EMPTY_ROW]);
  });

  it('saves trimmed values, and an Empty row as an empty position whatever it held before', () => {
    const rows = updateRow(rowsOf(ALICE_KEYS), 0, { target: ' 103 ', label: ' Dan ' });
    expect(positionsOf(rows)[0]).toEqual({ type: 'blf', extension: '103', label: 'Dan' });
    expect(positionsOf(updateRow(rows, 0, { kind: 'empty' }))[0]).toBeNull();
    // Switching back keeps what was typed.
    expect(positionsOf(updateRow(updateRow(rows, 0, { kind: 'line' }), 0, { kind: 'blf' }))[0]).toEqual({ type: 'blf', extension: '103', label: 'Dan' });
  });

  it('previews the keys of a hot-desk device: Logout first, empty positions dropped, pages of keysPerPage', () => {
    const pages = previewPages(rowsOf(ALICE_KEYS), 3);
    expect(pages.map((page) => page.map((key) => key.label))).toEqual([
      ['Logout', 'Bob Brown', 'Carol Chen'],
      ['Reception', 'Line 1'],
    ]);
    expect(previewPages([], 6)).toEqual([[{ type: 'logout', label: 'Logout' }]]);
    expect(previewPages([EMPTY_ROW, EMPTY_ROW], 6)).toHaveLength(1);
  });

  it('moves, adds and removes rows; moving past either end changes nothing', () => {
    const rows = rowsOf(ALICE_KEYS);
    expect(positionsOf(moveRow(rows, 2, -1)).slice(0, 3)).toEqual([ALICE_KEYS[0], ALICE_KEYS[2], null]);
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, rows.length - 1, 1)).toEqual(rows);
    expect(removeRow(rows, 1)).toHaveLength(5);
    expect(addRow(rows).at(-1)).toEqual(EMPTY_ROW);
  });

  it(`stops at ${MAX_BLF_POSITIONS} positions, the PBX's limit`, () => {
    const full = Array.from({ length: MAX_BLF_POSITIONS }, () => EMPTY_ROW);
    expect([canAddRow(full), addRow(full).length]).toEqual([false, MAX_BLF_POSITIONS]);
  });

  it('knows whether the rows differ from what is saved', () => {
    const rows = rowsOf(ALICE_KEYS);
    expect(isChanged(rows, ALICE_KEYS)).toBe(false);
    expect(isChanged(updateRow(rows, 0, { label: 'Bob Brown ' }), ALICE_KEYS)).toBe(false); // trimmed on save
    expect(isChanged(moveRow(rows, 0, 1), ALICE_KEYS)).toBe(true);
  });

  it('marks a blank label (the device shows an unlabelled key)', () => {
    expect(keyLabel({ type: 'blf', extension: '101', label: ' ' })).toBeNull();
    expect(keyLabel({ type: 'line', label: 'Line 1' })).toBe('Line 1');
  });

  it("offers the hot-desk devices' keys-per-page values, else the default", () => {
    expect(previewKeysPerPageChoices([8, 6, 8, 12], 6)).toEqual([6, 8, 12]);
    expect(previewKeysPerPageChoices([], 6)).toEqual([6]);
  });
});
