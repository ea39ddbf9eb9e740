import { isToken } from './chars';
import { canonicalHeaderName, headerKey } from './headerNames';
import type { SipMessage } from './sipMessage';
import { serializeUri } from './uri';
import { decodeUtf8Strict, encodeUtf8 } from './utf8';

/**
 * The message head (start line, headers, empty line) with CRLF line ends, known header names in their canonical
 * form, and exactly one Content-Length (where the first one was, else last) equal to `bodyLength`.
 * Throws TypeError on what cannot be written: a non-token method or header name, a line break in a value, a
 * status outside 100-699.
 */
function serializeHead(message: SipMessage, bodyLength: number): string {
  let out: string;
  if (message.kind === 'request') {
    if (!isToken(message.method)) throw new TypeError(`Invalid SIP method: ${JSON.stringify(message.method)}`);
    const uri = serializeUri(message.requestUri);
    if (/[\s]/.test(uri)) throw new TypeError('The Request-URI must not contain whitespace');
    out = `${message.method} ${uri} SIP/2.0\r\n`;
  } else {
    if (!Number.isInteger(message.status) || message.status < 100 || message.status > 699) {
      throw new TypeError(`Invalid SIP status: ${message.status}`);
    }
    assertLine(message.reason, 'reason phrase');
    out = `SIP/2.0 ${message.status} ${message.reason}\r\n`;
  }
  let wroteLength = false;
  for (const header of message.headers) {
    if (!isToken(header.name)) throw new TypeError(`Invalid header name: ${JSON.stringify(header.name)}`);
    assertLine(header.value, header.name);
    if (headerKey(header.name) === 'content-length') {
      if (!wroteLength) out += `Content-Length: ${bodyLength}\r\n`;
      wroteLength = true;
      continue;
    }
    const name = canonicalHeaderName(header.name);
    out += header.value === '' ? `${name}:\r\n` : `${name}: ${header.value}\r\n`;
  }
  if (!wroteLength) out += `Content-Length: ${bodyLength}\r\n`;
  return out + '\r\n';
}

function assertLine(value: string, what: string): void {
  if (value.includes('\r') || value.includes('\n')) throw new TypeError(`Line break in the ${what}`);
}

/** The message as bytes: works for any body, including binary ones (RFC 4475 §3.1.1.11). */
export function serializeSipMessageBytes(message: SipMessage): Uint8Array {
  const head = encodeUtf8(serializeHead(message, message.body.length));
  const out = new Uint8Array(head.length + message.body.length);
  out.set(head, 0);
  out.set(message.body, head.length);
  return out;
}

/**
 * The message as text, e.g. for a WebSocket text frame. The body must be valid UTF-8 (throws TypeError otherwise:
 * send binary bodies with serializeSipMessageBytes in a binary frame).
 */
export function serializeSipMessage(message: SipMessage): string {
  const body = decodeUtf8Strict(message.body);
  if (body === undefined) throw new TypeError('The body is not valid UTF-8; use serializeSipMessageBytes');
  return serializeHead(message, message.body.length) + body;
}
