import type { SipHeader, SipMessage } from './sipMessage';

/** Statuses the message layer answers with: 400 Bad Request, 505 Version Not Supported, 513 Message Too Large. */
export type ParseErrorStatus = 400 | 505 | 513;

/** What could be read of a rejected request, enough to build its error response (RFC 3261 §8.2.6). */
export interface PartialRequest {
  method: string;
  /** The readable Via, From, To, Call-ID and CSeq lines, in order. */
  headers: SipHeader[];
}

export interface ParseError {
  /** Human-readable; names the offending header or element. */
  reason: string;
  /** Whether the message was a request that should be answered (with buildErrorResponse); false means drop it. */
  respond: boolean;
  /** What the message looked like. */
  messageKind: 'request' | 'response' | 'unknown';
  /** The status a request is answered with (set for every rejected request, even when it cannot be answered). */
  status?: ParseErrorStatus;
  /** Present when `respond` is true. */
  partial?: PartialRequest;
}

export type ParseResult = { ok: true; message: SipMessage } | { ok: false; error: ParseError };

export interface ParseOptions {
  /** Larger messages are refused with 513 (default 256 KiB). */
  maxMessageBytes?: number;
  /** More header fields than this are refused with 513 (default 1000). */
  maxHeaders?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;
export const DEFAULT_MAX_HEADERS = 1000;
