import { z } from 'zod';

// A desk's dispatchable location: a civic address as RFC 5139 structures it (the PIDF-LO the PBX sends with an
// emergency call) plus the on-site parts that tell a responder which desk. Empty strings mean "not given".

const part = (max: number) => z.string().trim().max(max).regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const dispatchableLocationSchema = z.object({
  /** ISO 3166-1 alpha-2 country code (RFC 5139 `country`), e.g. US. */
  country: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like US')]),
  /** State, province or region (`A1`). */
  region: part(64),
  /** City (`A3`). */
  city: part(64),
  /** Street (`RD`). */
  street: part(96),
  /** House number (`HNO`). */
  houseNumber: part(16),
  /** Site or building complex name (`NAM`), e.g. HQ. */
  site: part(64),
  /** Building (`BLD`). */
  building: part(64),
  /** Floor (`FLR`). */
  floor: part(16),
  /** Room (`ROOM`). */
  room: part(32),
  /** Desk, cubicle or workstation (`SEAT`). */
  desk: part(32),
  /** Anything else a responder needs (`LOC`), e.g. "east wing, next to the lifts". */
  text: part(200),
});
export type DispatchableLocation = z.infer<typeof dispatchableLocationSchema>;

export const EMPTY_DISPATCHABLE_LOCATION: DispatchableLocation = {
  country: '',
  region: '',
  city: '',
  street: '',
  houseNumber: '',
  site: '',
  building: '',
  floor: '',
  room: '',
  desk: '',
  text: '',
};

/** A bare number (or number and letter) gets its label in the short form: floor "2" reads "Floor 2". */
const BARE_NUMBER = /^[0-9]+[A-Za-z]?$/;

function labelled(label: string, value: string): string {
  return BARE_NUMBER.test(value) ? `${label} ${value}` : value;
}

/**
 * The short form the display shows ("HQ, Building 1, Floor 2, Desk 14"): site, building, floor, room and desk; the
 * free text when none of those is given.
 */
export function shortLocation(location: DispatchableLocation): string {
  const parts = [
    location.site,
    labelled('Building', location.building),
    labelled('Floor', location.floor),
    labelled('Room', location.room),
    labelled('Desk', location.desk),
  ].filter((value) => value !== '');
  return parts.length > 0 ? parts.join(', ') : location.text;
}
