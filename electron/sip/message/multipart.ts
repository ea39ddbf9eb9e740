import { mediaTypeEssence } from './contentType';
import { scanHead } from './headerSection';
import { getContentType } from './headerAccessors';
import { getParam } from './params';
import type { HeaderBag, SipHeader } from './sipMessage';
import { encodeUtf8 } from './utf8';

/** One body part of a multipart body (RFC 2046 §5.1): its own header fields (Content-Type, Content-ID…) and body. */
export interface BodyPart extends HeaderBag {
  headers: SipHeader[];
  body: Uint8Array;
}

const CRLF = '\r\n';
/** bcharsnospace of RFC 2046 §5.1.1, 1 to 70 characters, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** A `multipart/mixed` body of `parts` with the given boundary, and the Content-Type that names it. */
export function buildMultipart(parts: readonly BodyPart[], boundary: string): { contentType: string; body: Uint8Array } {
  if (!BOUNDARY.test(boundary)) throw new Error(`"${boundary}" is not a valid multipart boundary`);
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (Buffer.from(part.body).includes(`--${boundary}`)) throw new Error('a body part contains the multipart boundary');
    const head = part.headers.map((header) => `${header.name}: ${header.value}${CRLF}`).join('');
    chunks.push(encodeUtf8(`--${boundary}${CRLF}${head}${CRLF}`), part.body, encodeUtf8(CRLF));
  }
  chunks.push(encodeUtf8(`--${boundary}--${CRLF}`));
  return { contentType: `multipart/mixed;boundary="${boundary}"`, body: Buffer.concat(chunks) };
}

/**
 * The parts of a `multipart/*` body whose Content-Type names `boundary`; undefined when the body is not well formed
 * (no opening delimiter, no closing one, or a part without the empty line after its header fields).
 */
export function parseMultipart(body: Uint8Array, boundary: string): BodyPart[] | undefined {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = `${CRLF}--${boundary}`;
  // The first delimiter may open the body; every other one follows a CRLF (RFC 2046 §5.1.1).
  let at = bytes.subarray(0, boundary.length + 2).toString('latin1') === `--${boundary}` ? -CRLF.length : bytes.indexOf(delimiter);
  const parts: BodyPart[] = [];
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length;
    if (bytes.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') return parts;
    const lineEnd = bytes.indexOf(CRLF, afterDelimiter);
    if (lineEnd === -1) return undefined;
    const next = bytes.indexOf(delimiter, lineEnd);
    if (next === -1) return undefined;
    const part = parsePart(bytes.subarray(lineEnd + CRLF.length, next));
    if (!part) return undefined;
    parts.push(part);
    at = next;
  }
  return undefined;
}

function parsePart(bytes: Buffer): BodyPart | undefined {
  if (bytes.subarray(0, 2).toString('latin1') === CRLF) return { headers: [], body: bytes.subarray(2) };
  const headEnd = bytes.indexOf(`${CRLF}${CRLF}`);
  if (headEnd === -1) return undefined;
  const scan = scanHead(`${CRLF}${bytes.subarray(0, headEnd).toString('utf8')}`);
  if (scan.error) return undefined;
  return { headers: scan.headers, body: bytes.subarray(headEnd + 4) };
}

/**
 * The body parts of a message: its body as the only part when it is not `multipart/mixed`, else the parts (an empty
 * list when the multipart body is malformed).
 */
export function bodyParts(message: HeaderBag & { body: Uint8Array }): BodyPart[] {
  const type = getContentType(message);
  if (!type || mediaTypeEssence(type) !== 'multipart/mixed') {
    return type ? [{ headers: message.headers.filter((header) => /^(content-type|c)$/i.test(header.name)), body: message.body }] : [];
  }
  const boundary = getParam(type.params, 'boundary');
  return (boundary && parseMultipart(message.body, boundary)) || [];
}

/** The first part of the message of media type `essence` (e.g. `application/sdp`), or undefined. */
export function findBodyPart(message: HeaderBag & { body: Uint8Array }, essence: string): BodyPart | undefined {
  return bodyParts(message).find((part) => {
    const type = getContentType(part);
    return type !== undefined && mediaTypeEssence(type) === essence;
  });
}

/** The part whose Content-ID is `<id>` (RFC 2392: what a `cid:` URL names), or undefined. */
export function findBodyPartById(message: HeaderBag & { body: Uint8Array }, id: string): BodyPart | undefined {
  return bodyParts(message).find((part) => part.headers.some((header) => header.name.toLowerCase() === 'content-id' && header.value.trim() === `<${id}>`));
}
