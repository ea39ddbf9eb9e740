import { F_DIGIT, is, isCtl, isToken } from './chars';

export type StartLine =
  | { kind: 'request'; method: string; uriText: string }
  | { kind: 'response'; status: number; reason: string };

export type StartLineResult =
  | { ok: true; line: StartLine }
  | { ok: false; reason: string; status: 400 | 505 };

const VERSION = /^SIP\/(\d{1,9})\.(\d{1,9})$/i;

/** What a start line looks like, for deciding whether a malformed message deserves an answer. */
export function classifyStartLine(line: string): { kind: 'request'; method: string } | { kind: 'response' | 'unknown' } {
  if (/^SIP\//i.test(line)) return { kind: 'response' };
  const sp = line.search(/[ \t]/);
  const method = sp > 0 ? line.slice(0, sp) : '';
  return isToken(method) ? { kind: 'request', method } : { kind: 'unknown' };
}

/**
 * Request-Line = Method SP Request-URI SP SIP-Version, with single SPs and nothing after the version
 * (RFC 4475 §3.1.2.8-10); Status-Line = SIP-Version SP Status-Code SP Reason-Phrase, status 100-699 and the SP
 * before an empty reason required (RFC 4475 §3.1.1.13, §3.1.2.19). A well-formed version other than 2.0 gives 505.
 */
export function parseStartLine(line: string): StartLineResult {
  if (/^SIP\//i.test(line)) return parseStatusLine(line);
  const last = line.lastIndexOf(' ');
  const version = VERSION.exec(line.slice(last + 1));
  if (last > 0 && version && !(Number(version[1]) === 2 && Number(version[2]) === 0)) {
    return { ok: false, reason: `SIP version ${line.slice(last + 1)} is not supported`, status: 505 };
  }
  const first = line.indexOf(' ');
  const second = first < 0 ? -1 : line.indexOf(' ', first + 1);
  if (first <= 0 || second < 0 || second !== last || second === first + 1 || last === line.length - 1) {
    return { ok: false, reason: 'Malformed Request-Line', status: 400 };
  }
  const method = line.slice(0, first);
  if (!isToken(method)) return { ok: false, reason: 'Malformed method', status: 400 };
  if (!version) return { ok: false, reason: 'Malformed SIP version in the Request-Line', status: 400 };
  return { ok: true, line: { kind: 'request', method, uriText: line.slice(first + 1, second) } };
}

function parseStatusLine(line: string): StartLineResult {
  const sp = line.indexOf(' ');
  const version = VERSION.exec(sp < 0 ? line : line.slice(0, sp));
  if (!version) return { ok: false, reason: 'Malformed Status-Line', status: 400 };
  if (!(Number(version[1]) === 2 && Number(version[2]) === 0)) {
    return { ok: false, reason: 'Unsupported SIP version in the Status-Line', status: 505 };
  }
  const code = line.slice(sp + 1, sp + 4);
  if (code.length !== 3 || !is(code.charCodeAt(0), F_DIGIT) || !is(code.charCodeAt(1), F_DIGIT) || !is(code.charCodeAt(2), F_DIGIT)) {
    return { ok: false, reason: 'Malformed status code', status: 400 };
  }
  const status = Number(code);
  if (status < 100 || status > 699 || line.charCodeAt(sp + 4) !== 0x20) {
    return { ok: false, reason: 'Malformed status code', status: 400 };
  }
  const reason = line.slice(sp + 5);
  for (let i = 0; i < reason.length; i++) {
    if (isCtl(reason.charCodeAt(i))) return { ok: false, reason: 'Control character in the reason phrase', status: 400 };
  }
  return { ok: true, line: { kind: 'response', status, reason } };
}

