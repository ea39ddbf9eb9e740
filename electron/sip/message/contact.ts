import { parseNameAddrList, type NameAddr } from './nameAddr';
import { getParam } from './params';
import { parseDeltaSeconds } from './scalars';
import { trimWs } from './chars';

/**
 * The Contact header fields of a message (RFC 3261 §20.10): `wildcard` if a value is `*` (the registrar decides
 * whether that is allowed, §10.3 step 6), and the contacts of all other values, in order.
 */
export interface ContactList {
  wildcard: boolean;
  contacts: NameAddr[];
}

/** Parses one Contact header value: STAR, or a list of contact-params. Undefined if malformed. */
export function parseContactValue(value: string): ContactList | undefined {
  if (trimWs(value) === '*') return { wildcard: true, contacts: [] };
  const contacts = parseNameAddrList(value);
  return contacts === undefined ? undefined : { wildcard: false, contacts };
}

/** The contact's `expires` parameter as delta-seconds; undefined if absent or out of range (RFC 4475 §3.1.2.4). */
export function getContactExpires(contact: NameAddr): number | undefined {
  const value = getParam(contact.params, 'expires');
  return value === undefined ? undefined : parseDeltaSeconds(value);
}

/** The contact's `q` parameter (qvalue, 0-1 with up to three decimals); undefined if absent or malformed. */
export function getContactQ(contact: NameAddr): number | undefined {
  const value = getParam(contact.params, 'q');
  if (value === undefined || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return undefined;
  return Number(value);
}
