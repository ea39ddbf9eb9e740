import { F_TOKEN, is } from './chars';
import { Cursor, SLASH } from './cursor';
import { readParams, type Param } from './params';

/** media-type = m-type SLASH m-subtype *(SEMI m-parameter) (RFC 3261 §20.15). */
export interface MediaType {
  type: string;
  subtype: string;
  params: Param[];
}

export function parseMediaType(value: string): MediaType | undefined {
  const cursor = new Cursor(value);
  cursor.skipWs();
  const type = cursor.readWhile((c) => is(c, F_TOKEN));
  if (!type || !cursor.eatSeparator(SLASH)) return undefined;
  const subtype = cursor.readWhile((c) => is(c, F_TOKEN));
  if (!subtype) return undefined;
  const params = readParams(cursor);
  cursor.skipWs();
  if (params === undefined || !cursor.done) return undefined;
  return { type, subtype, params };
}

/** `type/subtype`, lower-cased, for comparisons. */
export function mediaTypeEssence(mediaType: MediaType): string {
  return `${mediaType.type}/${mediaType.subtype}`.toLowerCase();
}
