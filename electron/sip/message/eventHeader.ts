import { F_TOKEN, is } from './chars';
import { Cursor } from './cursor';
import { getParam, readParams, type Param } from './params';
import { getHeader, type HeaderBag } from './sipMessage';

/** An Event header field (RFC 6665 §8.2.1): `event-type *( SEMI event-param )`. */
export interface EventHeader {
  /** The package, lower-cased (`ua-profile`). */
  package: string;
  params: Param[];
  /** The value as received, for echoing in NOTIFY (RFC 6665 §4.2.2: same package and `id`). */
  raw: string;
}

/** The request's Event header, or undefined when it has none or it is malformed. */
export function getEventHeader(bag: HeaderBag): EventHeader | undefined {
  const raw = getHeader(bag, 'Event');
  if (raw === undefined) return undefined;
  const cursor = new Cursor(raw);
  cursor.skipWs();
  const name = cursor.readWhile((c) => is(c, F_TOKEN));
  if (name.length === 0) return undefined;
  const params = readParams(cursor);
  cursor.skipWs();
  if (params === undefined || !cursor.done) return undefined;
  return { package: name.toLowerCase(), params, raw: raw.trim() };
}

/** An event parameter's value, unquoted (`vendor="Hotdesk"` → `Hotdesk`); undefined if absent. */
export function eventParam(event: EventHeader, name: string): string | undefined {
  return getParam(event.params, name);
}
