import { type BlfKey, type BlfPosition, layoutHotDeskKeys, MAX_BLF_POSITIONS } from '../../../../shared/domain/blfLayout';

export type BlfKind = 'empty' | 'blf' | 'speed-dial' | 'line';

/**
 * One position as the BLF editor holds it while it is typed: `target` is the monitored extension of a BLF and the
 * number of a speed dial (kept when the kind changes, so switching back loses nothing). The PBX checks the values
 * when they are saved and names the position of each bad one (`blf.3.extension`).
 */
export interface BlfRow {
  readonly kind: BlfKind;
  readonly target: string;
  readonly label: string;
}

export const BLF_KIND_LABELS: Readonly<Record<BlfKind, string>> = { empty: 'Empty', blf: 'BLF', 'speed-dial': 'Speed dial', line: 'Line' };

export const EMPTY_ROW: BlfRow = { kind: 'empty', target: '', label: '' };

export function rowsOf(positions: readonly BlfPosition[]): BlfRow[] {
  return positions.map((position) => {
    if (position === null) return EMPTY_ROW;
    if (position.type === 'blf') return { kind: 'blf', target: position.extension, label: position.label };
    if (position.type === 'speed-dial') return { kind: 'speed-dial', target: position.number, label: position.label };
    return { kind: 'line', target: '', label: position.label };
  });
}

export function positionsOf(rows: readonly BlfRow[]): BlfPosition[] {
  return rows.map((row) => {
    const label = row.label.trim();
    const target = row.target.trim();
    if (row.kind === 'blf') return { type: 'blf', extension: target, label };
    if (row.kind === 'speed-dial') return { type: 'speed-dial', number: target, label };
    if (row.kind === 'line') return { type: 'line', label };
    return null;
  });
}

/** The keys a hot-desk device shows for these positions: Logout first, empties dropped, pages of `keysPerPage`. */
export function previewPages(rows: readonly BlfRow[], keysPerPage: number): BlfKey[][] {
  return layoutHotDeskKeys(positionsOf(rows), keysPerPage);
}

export function canAddRow(rows: readonly BlfRow[]): boolean {
  return rows.length < MAX_BLF_POSITIONS;
}

export function addRow(rows: readonly BlfRow[]): BlfRow[] {
  return canAddRow(rows) ? [...rows, EMPTY_ROW] : [...rows];
}

export function updateRow(rows: readonly BlfRow[], index: number, change: Partial<BlfRow>): BlfRow[] {
  return rows.map((row, at) => (at === index ? { ...row, ...change } : row));
}

export function removeRow(rows: readonly BlfRow[], index: number): BlfRow[] {
  return rows.filter((_row, at) => at !== index);
}

/** Moves the row at `index` one place up (-1) or down (+1); unchanged at either end. */
export function moveRow(rows: readonly BlfRow[], index: number, step: -1 | 1): BlfRow[] {
  const to = index + step;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[index], moved[to]] = [moved[to] as BlfRow, moved[index] as BlfRow];
  return moved;
}

/** Whether the rows would save something other than `saved`. */
export function isChanged(rows: readonly BlfRow[], saved: readonly BlfPosition[]): boolean {
  return JSON.stringify(positionsOf(rows)) !== JSON.stringify(saved);
}

/** A key's label as the device shows it, or null when it is blank (the device shows an unlabelled key). */
export function keyLabel(key: BlfKey): string | null {
  return key.label.trim() === '' ? null : key.label;
}

/** The keys-per-page values the preview offers: those of the hot-desk devices, else the device default. */
export function previewKeysPerPageChoices(deviceKeysPerPage: readonly number[], fallback: number): number[] {
  const distinct = [...new Set(deviceKeysPerPage.filter((value) => Number.isInteger(value) && value >= 1))].sort((a, b) => a - b);
  return distinct.length > 0 ? distinct : [fallback];
}
