// Typed accessors over a message's headers. Each returns undefined when the header is absent or malformed; a message
// that parseSipMessage accepted has well-formed Via, From, To, Call-ID, CSeq, Max-Forwards, Contact, Route,
// Record-Route, Expires, Date and Content-Type headers.
import { trimWs } from './chars';
import { parseContactValue, type ContactList } from './contact';
import { parseMediaType, type MediaType } from './contentType';
import { parseCSeq, type CSeq } from './cseq';
import { parseNameAddr, parseNameAddrList, type NameAddr } from './nameAddr';
import { getParam } from './params';
import { isValidCallId, parseContentLength, parseDeltaSeconds, parseMaxForwards } from './scalars';
import { parseSipDate } from './sipDate';
import { getHeader, getHeaderLines, type HeaderBag } from './sipMessage';
import { parseViaList, type Via } from './via';

function single<T>(bag: HeaderBag, name: string, parse: (value: string) => T | undefined): T | undefined {
  const lines = getHeaderLines(bag, name);
  return lines.length === 1 && lines[0] !== undefined ? parse(lines[0]) : undefined;
}

export function getFrom(bag: HeaderBag): NameAddr | undefined {
  return single(bag, 'From', (value) => parseNameAddr(value));
}

export function getTo(bag: HeaderBag): NameAddr | undefined {
  return single(bag, 'To', (value) => parseNameAddr(value));
}

export function getFromTag(bag: HeaderBag): string | undefined {
  const from = getFrom(bag);
  return from && getParam(from.params, 'tag');
}

export function getToTag(bag: HeaderBag): string | undefined {
  const to = getTo(bag);
  return to && getParam(to.params, 'tag');
}

export function getCallId(bag: HeaderBag): string | undefined {
  return single(bag, 'Call-ID', (value) => (isValidCallId(value) ? value : undefined));
}

export function getCSeq(bag: HeaderBag): CSeq | undefined {
  return single(bag, 'CSeq', parseCSeq);
}

export function getMaxForwards(bag: HeaderBag): number | undefined {
  return single(bag, 'Max-Forwards', parseMaxForwards);
}

export function getContentLength(bag: HeaderBag): number | undefined {
  return single(bag, 'Content-Length', parseContentLength);
}

export function getExpires(bag: HeaderBag): number | undefined {
  return single(bag, 'Expires', parseDeltaSeconds);
}

export function getMinExpires(bag: HeaderBag): number | undefined {
  return single(bag, 'Min-Expires', parseDeltaSeconds);
}

export function getDate(bag: HeaderBag): Date | undefined {
  return single(bag, 'Date', parseSipDate);
}

export function getContentType(bag: HeaderBag): MediaType | undefined {
  return single(bag, 'Content-Type', parseMediaType);
}

/** All Via values, topmost first. */
export function getVias(bag: HeaderBag): Via[] | undefined {
  return parseLines(bag, 'Via', parseViaList);
}

export function getTopVia(bag: HeaderBag): Via | undefined {
  return getVias(bag)?.[0];
}

/** All Contact header values together; an empty list (not undefined) if there is no Contact header. */
export function getContacts(bag: HeaderBag): ContactList | undefined {
  const result: ContactList = { wildcard: false, contacts: [] };
  for (const line of getHeaderLines(bag, 'Contact')) {
    const value = parseContactValue(line);
    if (value === undefined) return undefined;
    if (value.wildcard) result.wildcard = true;
    result.contacts.push(...value.contacts);
  }
  return result;
}

/** The Route set, in order; empty if there is no Route header. */
export function getRoutes(bag: HeaderBag): NameAddr[] | undefined {
  return parseLines(bag, 'Route', (value) => parseNameAddrList(value, { requireBrackets: true }));
}

/** The Record-Route set, in order; empty if there is no Record-Route header. */
export function getRecordRoutes(bag: HeaderBag): NameAddr[] | undefined {
  return parseLines(bag, 'Record-Route', (value) => parseNameAddrList(value, { requireBrackets: true }));
}

function parseLines<T>(bag: HeaderBag, name: string, parse: (value: string) => T[] | undefined): T[] | undefined {
  const out: T[] = [];
  for (const line of getHeaderLines(bag, name)) {
    const values = parse(line);
    if (values === undefined) return undefined;
    out.push(...values);
  }
  return out;
}

/** The option tags of Require / Proxy-Require / Supported / Unsupported, trimmed. */
export function getOptionTags(bag: HeaderBag, name: 'Require' | 'Proxy-Require' | 'Supported' | 'Unsupported'): string[] {
  return getHeaderLines(bag, name).flatMap((line) => line.split(',').map(trimWs).filter((tag) => tag.length > 0));
}

/** The Event package of an Event header (RFC 6665 §8.2.1), lower-cased, without parameters. */
export function getEventPackage(bag: HeaderBag): string | undefined {
  const value = getHeader(bag, 'Event');
  if (value === undefined) return undefined;
  const semi = value.indexOf(';');
  return trimWs(semi >= 0 ? value.slice(0, semi) : value).toLowerCase() || undefined;
}
