/** One position of a user's BLF settings. `null` is an empty position. */
export type BlfPosition =
  | { type: 'blf'; extension: string; label: string }
  | { type: 'speed-dial'; number: string; label: string }
  | { type: 'line'; label: string }
  | null;

/** The most positions a user may have (the PBX's limit; a BLF subscriber may hold up to 128 subscriptions). */
export const MAX_BLF_POSITIONS = 96;

export type BlfKey =
  | { type: 'logout'; label: 'Logout' }
  | { type: 'blf'; extension: string; label: string }
  | { type: 'speed-dial'; number: string; label: string }
  | { type: 'line'; label: string };

export const LOGOUT_KEY: BlfKey = { type: 'logout', label: 'Logout' };

/**
 * The keys a hot-desk device shows: Logout first, then the user's non-empty positions in order — empty positions
 * discarded and everything shifted down by one — split into pages of `keysPerPage`.
 */
export function layoutHotDeskKeys(positions: readonly BlfPosition[], keysPerPage: number): BlfKey[][] {
  return paged([LOGOUT_KEY, ...keysOf(positions)], keysPerPage);
}

/** A plain softphone's keys (no hot desking, so no Logout): the non-empty positions in order, paged the same way. */
export function layoutSoftphoneKeys(positions: readonly BlfPosition[], keysPerPage: number): BlfKey[][] {
  const pages = paged(keysOf(positions), keysPerPage);
  return pages.length > 0 ? pages : [[]];
}

function keysOf(positions: readonly BlfPosition[]): BlfKey[] {
  return positions.filter((position): position is NonNullable<BlfPosition> => position !== null);
}

function paged(keys: readonly BlfKey[], keysPerPage: number): BlfKey[][] {
  if (!Number.isInteger(keysPerPage) || keysPerPage < 1) {
    throw new RangeError(`keysPerPage must be a whole number of at least 1, got ${keysPerPage}`);
  }
  const pages: BlfKey[][] = [];
  for (let start = 0; start < keys.length; start += keysPerPage) pages.push(keys.slice(start, start + keysPerPage));
  return pages;
}

export type BlfState = 'idle' | 'ringing' | 'busy' | 'offline' | 'unknown';
