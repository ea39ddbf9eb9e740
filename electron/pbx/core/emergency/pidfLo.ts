import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { type DispatchableLocation, dispatchableLocationSchema, EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';

// PIDF-LO (RFC 4119, profiled by RFC 5491) carrying a civic address (RFC 5139), built and read with an XML DOM.

export const PIDF_CONTENT_TYPE = 'application/pidf+xml';
const PIDF_NS = 'urn:ietf:params:xml:ns:pidf';
const GEOPRIV_NS = 'urn:ietf:params:xml:ns:pidf:geopriv10';
const CIVIC_NS = 'urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr';
const DATA_MODEL_NS = 'urn:ietf:params:xml:ns:pidf:data-model';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** A location document is a few hundred bytes; anything much bigger is not one. */
const MAX_PIDF_BYTES = 16 * 1024;

/** The civic elements, in the order of RFC 5139's schema (a sequence), with the field each one carries. */
const CIVIC_ELEMENTS: ReadonlyArray<readonly [string, keyof DispatchableLocation]> = [
  ['country', 'country'],
  ['A1', 'region'],
  ['A3', 'city'],
  ['RD', 'street'],
  ['HNO', 'houseNumber'],
  ['LOC', 'text'],
  ['FLR', 'floor'],
  ['NAM', 'site'],
  ['BLD', 'building'],
  ['ROOM', 'room'],
  ['SEAT', 'desk'],
];

export interface PidfLoInput {
  /** The presentity, `pres:` URI of the caller (RFC 4119 §2.2.1). */
  entity: string;
  location: DispatchableLocation;
  /** The device the location belongs to (RFC 5491 §3.4: `dm:deviceID`, e.g. `mac:020000000001`). */
  deviceId: string;
  timestamp: Date;
}

/** A PIDF-LO document for a manually configured civic location (RFC 5491 §3.4: a `dm:device` element). */
export function buildPidfLo(input: PidfLoInput): string {
  const doc = new DOMImplementation().createDocument(PIDF_NS, 'presence', null);
  const presence = doc.documentElement;
  presence.setAttributeNS(XMLNS_NS, 'xmlns:gp', GEOPRIV_NS);
  presence.setAttributeNS(XMLNS_NS, 'xmlns:ca', CIVIC_NS);
  presence.setAttributeNS(XMLNS_NS, 'xmlns:dm', DATA_MODEL_NS);
  presence.setAttribute('entity', input.entity);
  const element = (ns: string, name: string, parent: Element, text?: string): Element => {
    const child = doc.createElementNS(ns, name);
    if (text !== undefined) child.appendChild(doc.createTextNode(text));
    parent.appendChild(child);
    return child;
  };
  const device = element(DATA_MODEL_NS, 'dm:device', presence);
  device.setAttribute('id', 'desk');
  const geopriv = element(GEOPRIV_NS, 'gp:geopriv', device);
  const civic = element(CIVIC_NS, 'ca:civicAddress', element(GEOPRIV_NS, 'gp:location-info', geopriv));
  civic.setAttributeNS(XML_NS, 'xml:lang', 'en');
  for (const [name, field] of CIVIC_ELEMENTS) if (input.location[field] !== '') element(CIVIC_NS, `ca:${name}`, civic, input.location[field]);
  element(GEOPRIV_NS, 'gp:usage-rules', geopriv);
  element(GEOPRIV_NS, 'gp:method', geopriv, 'Manual');
  element(DATA_MODEL_NS, 'dm:deviceID', device, input.deviceId);
  element(DATA_MODEL_NS, 'dm:timestamp', device, input.timestamp.toISOString());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc, false, undefined, { requireWellFormed: true })}`;
}

export type ParsedPidfLo = { ok: true; entity: string; location: DispatchableLocation } | { ok: false; problem: string };

/** Reads the first civic address of a PIDF-LO document; elements this PBX does not model are ignored. */
export function parsePidfLo(xml: string): ParsedPidfLo {
  if (Buffer.byteLength(xml) > MAX_PIDF_BYTES) return { ok: false, problem: `the location document is larger than ${MAX_PIDF_BYTES} bytes` };
  let doc: Document;
  // xmldom reports a mismatched end tag only as a warning: every complaint counts. It expands no DTD entities.
  try {
    doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'application/xml');
  } catch (error) {
    return { ok: false, problem: `the location document is not well-formed XML (${(error as Error).message.split('\n')[0]})` };
  }
  const presence = doc.documentElement;
  if (!presence || presence.namespaceURI !== PIDF_NS || presence.localName !== 'presence') return { ok: false, problem: 'the document is not PIDF (no presence element)' };
  const civic = doc.getElementsByTagNameNS(CIVIC_NS, 'civicAddress').item(0);
  if (!civic) return { ok: false, problem: 'the PIDF-LO carries no civic address' };
  const fields: Record<string, string> = { ...EMPTY_DISPATCHABLE_LOCATION };
  for (const [name, field] of CIVIC_ELEMENTS) {
    const value = civic.getElementsByTagNameNS(CIVIC_NS, name).item(0)?.textContent;
    if (value) fields[field] = value.trim();
  }
  const checked = dispatchableLocationSchema.safeParse(fields);
  if (!checked.success) return { ok: false, problem: `the civic address is not usable (${checked.error.issues[0]?.path.join('.') ?? ''}: ${checked.error.issues[0]?.message ?? ''})` };
  return { ok: true, entity: presence.getAttribute('entity') ?? '', location: checked.data };
}

function fail(message: unknown): never {
  throw new Error(String(message));
}
