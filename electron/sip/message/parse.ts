import { headerKey } from './headerNames';
import { scanHead, type HeadScan } from './headerSection';
import {
  DEFAULT_MAX_HEADERS,
  DEFAULT_MAX_MESSAGE_BYTES,
  type ParseError,
  type ParseErrorStatus,
  type ParseOptions,
  type ParseResult,
} from './parseResult';
import { parseContentLength } from './scalars';
import { SIP_VERSION, type SipHeader, type SipMessage } from './sipMessage';
import { classifyStartLine, parseStartLine } from './startLine';
import { parseUri } from './uri';
import { decodeUtf8Lenient, decodeUtf8Strict, encodeUtf8 } from './utf8';
import { checkHeaders } from './validate';

const RESPONSE_HEADERS = new Set(['via', 'from', 'to', 'call-id', 'cseq']);

/**
 * Parses one SIP message as received in one WebSocket frame (RFC 7118 §5) or datagram. Never throws; work is linear
 * in the input. On failure `error.respond` says whether to answer (a recognisable request other than ACK with a
 * readable Via) with buildErrorResponse, or to drop the message.
 *
 * Framing: leading CRLFs are ignored (RFC 3261 §7.5); the head must end with CRLF CRLF and be UTF-8. The body is
 * Content-Length octets; extra octets are discarded (RFC 3261 §18.3, RFC 4475 §3.1.1.8); fewer is a 400
 * (RFC 4475 §3.1.2.2). Without Content-Length the body is the rest of the frame (RFC 4475 §3.4.1).
 */
export function parseSipMessage(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  try {
    return parse(typeof input === 'string' ? encodeUtf8(input) : input, options);
  } catch (error) {
    // Not expected to happen (the fuzz tests look for it); a parser bug must not take the server down.
    return { ok: false, error: { reason: `Internal parser error: ${String(error)}`, respond: false, messageKind: 'unknown' } };
  }
}

function parse(bytes: Uint8Array, options: ParseOptions): ParseResult {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const maxHeaders = options.maxHeaders ?? DEFAULT_MAX_HEADERS;
  let start = 0;
  while (start + 1 < bytes.length && bytes[start] === 0x0d && bytes[start + 1] === 0x0a) start += 2;
  if (start >= bytes.length) return reject(undefined, 'Empty message', 400);

  if (bytes.length > maxBytes) {
    const head = decodeUtf8Lenient(bytes.subarray(start, Math.min(bytes.length, start + 16 * 1024)));
    return reject(scanHead(head), `Message larger than ${maxBytes} bytes`, 513);
  }

  const end = indexOfEmptyLine(bytes, start);
  const headBytes = bytes.subarray(start, end < 0 ? bytes.length : end);
  const strictHead = decodeUtf8Strict(headBytes);
  const scan = scanHead(strictHead ?? decodeUtf8Lenient(headBytes));

  const startLine = parseStartLine(scan.startLine);
  if (!startLine.ok) return reject(scan, startLine.reason, startLine.status);
  if (end < 0) return reject(scan, 'The header section does not end with an empty line', 400);
  if (strictHead === undefined) return reject(scan, 'The message head is not valid UTF-8', 400);
  if (scan.error !== undefined) return reject(scan, scan.error, 400);
  if (scan.headers.length > maxHeaders) return reject(scan, `More than ${maxHeaders} header fields`, 513);

  const body = frameBody(scan.headers, bytes.subarray(end + 4));
  if (typeof body === 'string') return reject(scan, body, 400);

  const line = startLine.line;
  if (line.kind === 'response') {
    const problem = checkHeaders(scan.headers, undefined);
    if (problem !== undefined) return reject(scan, problem, 400);
    const message: SipMessage = {
      kind: 'response',
      version: SIP_VERSION,
      status: line.status,
      reason: line.reason,
      headers: scan.headers,
      body,
    };
    return { ok: true, message };
  }

  const requestUri = parseUri(line.uriText);
  if (requestUri === undefined) return reject(scan, 'Malformed Request-URI', 400);
  // Headers are not allowed in a Request-URI (RFC 3261 §19.1.1 table; RFC 4475 §3.1.2.11).
  if (requestUri.kind === 'sip' && requestUri.headers.length > 0) {
    return reject(scan, 'The Request-URI must not contain headers', 400);
  }
  const problem = checkHeaders(scan.headers, line.method);
  if (problem !== undefined) return reject(scan, problem, 400);
  const message: SipMessage = {
    kind: 'request',
    method: line.method,
    requestUri,
    version: SIP_VERSION,
    headers: scan.headers,
    body,
  };
  return { ok: true, message };
}

/** The body, or the framing problem. */
function frameBody(headers: readonly SipHeader[], rest: Uint8Array): Uint8Array | string {
  const lengths = headers.filter((header) => headerKey(header.name) === 'content-length');
  // Copied, so that the message does not hold on to (or alias) the caller's buffer.
  if (lengths.length === 0) return new Uint8Array(rest);
  // Two values leave the body's extent unknown (RFC 4475 §3.3.9).
  if (lengths.length > 1) return 'Repeated Content-Length header';
  const length = parseContentLength(lengths[0]?.value ?? '');
  if (length === undefined) return 'Malformed Content-Length header';
  if (length > rest.length) return `Content-Length ${length} is larger than the ${rest.length}-byte body`;
  return new Uint8Array(rest.subarray(0, length));
}

function indexOfEmptyLine(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0x0d, from); i >= 0 && i + 3 < bytes.length; i = bytes.indexOf(0x0d, i + 1)) {
    if (bytes[i + 1] === 0x0a && bytes[i + 2] === 0x0d && bytes[i + 3] === 0x0a) return i;
  }
  return -1;
}

function reject(scan: HeadScan | undefined, reason: string, status: ParseErrorStatus): ParseResult {
  const kind = scan ? classifyStartLine(scan.startLine) : { kind: 'unknown' as const };
  if (kind.kind !== 'request') return { ok: false, error: { reason, respond: false, messageKind: kind.kind } };
  const headers = (scan?.headers ?? []).filter((header) => RESPONSE_HEADERS.has(headerKey(header.name)));
  // ACK is never answered (RFC 3261 §17.2.1); without a Via there is nobody to answer.
  const respond = kind.method !== 'ACK' && headers.some((header) => headerKey(header.name) === 'via');
  const error: ParseError = { reason, respond, messageKind: 'request', status };
  if (respond) error.partial = { method: kind.method, headers };
  return { ok: false, error };
}
