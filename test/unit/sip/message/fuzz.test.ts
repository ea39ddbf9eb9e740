// Property tests: parseSipMessage never throws, always classifies its input, answers what it rejects with a
// response that can be written, and what it accepts serialises to a message it accepts again, identically. Inputs:
// messages built from the grammar (which must all be accepted), random text and bytes, SIP-shaped noise, mutations
// of the RFC 4475 corpus and of JsSIP-like messages, and large pathological inputs (a hang or a quadratic blow-up
// shows up as a test timeout; no timing is asserted). HOTDESK_FUZZ_SCALE multiplies the number of runs.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildErrorResponse,
  parseSipMessage,
  serializeSipMessage,
  serializeSipMessageBytes,
} from '../../../../electron/sip/message';
import { corpusFiles, readCorpusFile } from './corpus';
import { INVITE, OK_RESPONSE, REGISTER } from './fixtures';

const encoder = new TextEncoder();
/** Generous, so that a slow machine passes; linear work takes a few seconds at most, a hang never finishes. */
const TIMEOUT = 60_000;
/** HOTDESK_FUZZ_SCALE=20 runs twenty times as many cases (for a deeper local run). */
const SCALE = Math.max(1, Number(process.env.HOTDESK_FUZZ_SCALE ?? 1) || 1);
const TEST_TIMEOUT = TIMEOUT * SCALE;
const runs: Record<string, number> = {};

function count(name: string): void {
  runs[name] = (runs[name] ?? 0) + 1;
}

/** Checks everything that must hold for any input; throws (failing the property) otherwise. */
function checkParse(input: string | Uint8Array): void {
  const result = parseSipMessage(input);
  if (!result.ok) {
    expect(result.error.reason).not.toMatch(/^Internal parser error/);
    expect(result.error.reason.length).toBeGreaterThan(0);
    if (result.error.respond) {
      expect(result.error.status).toBeDefined();
      const response = buildErrorResponse(result.error, { toTag: 'fuzz', warnAgent: 'fuzz.invalid' });
      expect(response).toBeDefined();
      if (response) serializeSipMessage(response);
    }
    return;
  }
  const bytes = serializeSipMessageBytes(result.message);
  const again = parseSipMessage(bytes);
  if (!again.ok) throw new Error(`re-parse failed: ${again.error.reason}\n${new TextDecoder().decode(bytes)}`);
  // Buffer.equals rather than toEqual: deep-equality on 64 KiB arrays is slow.
  expect(Buffer.from(serializeSipMessageBytes(again.message)).equals(Buffer.from(bytes))).toBe(true);
}

const seeds: Uint8Array[] = [
  ...corpusFiles().map(readCorpusFile),
  encoder.encode(REGISTER),
  encoder.encode(INVITE),
  encoder.encode(OK_RESPONSE),
];

const INSERTS = ['\r', '\n', '\r\n', '\u0000', ' ', '\t', '\r\n ', '"', '\\', '<', '>', ';', ',', '%', '@', ':', '[', ']', '=', '?', '\u00ff', '\uFEFF'];

type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'run'; at: number; text: string; times: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('run' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS, 'a', ';a', '<sip:a@b>,'), times: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function mutate(input: Uint8Array, m: Mutation): Uint8Array {
  const at = input.length === 0 ? 0 : 'at' in m ? m.at % (input.length + 1) : 0;
  switch (m.op) {
    case 'flip': {
      if (input.length === 0) return input;
      const out = input.slice();
      out[at % input.length] = m.byte;
      return out;
    }
    case 'truncate':
      return input.subarray(0, at);
    case 'insert':
      return concat(input.subarray(0, at), encoder.encode(m.text), input.subarray(at));
    case 'run':
      return concat(input.subarray(0, at), encoder.encode(m.text.repeat(m.times)), input.subarray(at));
    case 'delete':
      return concat(input.subarray(0, at), input.subarray(at + m.length));
    case 'duplicateLine': {
      const lines = splitLines(input);
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i] ?? new Uint8Array());
      return concat(...lines);
    }
    case 'swapLines': {
      const lines = splitLines(input);
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? new Uint8Array(), lines[a] ?? new Uint8Array()];
      return concat(...lines);
    }
  }
}

/** SIP-shaped noise: a plausible start line and header lines made of the characters the grammar cares about. */
const sipAlphabet = fc.constantFrom(...'aZ09 \t:;,<>"\\@%=/?[]*.-_+!~\'()`{}'.split(''), '\r\n', '\r\n ', 'sip:', 'tag=', 'branch=');
const sipNoise = fc
  .tuple(
    fc.constantFrom('INVITE sip:a@b.example SIP/2.0', 'REGISTER sip:b.example SIP/2.0', 'SIP/2.0 200 OK', 'ACK sip:x@y SIP/2.0'),
    fc.array(
      fc.tuple(
        fc.constantFrom('Via', 'v', 'From', 'To', 't', 'Call-ID', 'CSeq', 'Contact', 'm', 'Route', 'Max-Forwards', 'Content-Length', 'l', 'Date', 'Expires', 'X-Any'),
        fc.array(sipAlphabet, { maxLength: 60 }).map((chars) => chars.join('')),
      ),
      { maxLength: 12 },
    ),
    fc.string({ maxLength: 40 }),
  )
  .map(([start, headers, body]) => `${start}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n${body}`);

/** Messages built from the RFC 3261 grammar, with random compact forms, name case, LWS, folding and bodies. */
interface BuiltMessage {
  bytes: Uint8Array;
  /** The header values as they must read once unfolded, in order. */
  values: string[];
  body: Uint8Array;
}

const tokenArb = fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,12}$/);
const hostArb = fc.constantFrom('example.com', 'a-b.example.org', 'x.invalid', '192.0.2.1', '[2001:db8::1]', '[::ffff:192.0.2.1]');
const userArb = fc.stringMatching(/^([A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-F]{2}){1,10}$/);
const uriParamsArb = fc.array(fc.stringMatching(/^;[a-z]{1,6}(=[A-Za-z0-9\-_.!~*'()[\]/:&+$]{1,6})?$/), { maxLength: 3 }).map((p) => p.join(''));
const sipUriArb = fc
  .tuple(fc.constantFrom('sip', 'sips', 'SIP'), fc.option(userArb), hostArb, fc.option(fc.integer({ min: 0, max: 65535 })), uriParamsArb)
  .map(([scheme, user, host, port, params]) => `${scheme}:${user === null ? '' : `${user}@`}${host}${port === null ? '' : `:${port}`}${params}`);
const quotedArb = fc
  .array(fc.constantFrom('a', 'Z', '0', ' ', '<', '>', ',', ';', '@', ':', 'é', '日', '\\"', '\\\\', "'", '%'), { maxLength: 12 })
  .map((chars) => `"${chars.join('').replace(/ {2,}/g, ' ')}"`);
const nameAddrArb = fc
  .tuple(
    fc.oneof(
      sipUriArb.map((uri) => `<${uri}>`),
      fc.tuple(quotedArb, sipUriArb).map(([name, uri]) => `${name} <${uri}>`),
      fc.tuple(fc.array(tokenArb, { minLength: 1, maxLength: 3 }), sipUriArb).map(([words, uri]) => `${words.join(' ')} <${uri}>`),
      fc.tuple(fc.constantFrom('sip', 'sips'), userArb.filter((u) => !/[;?,]/.test(u)), hostArb).map(([s, u, h]) => `${s}:${u}@${h}`),
      fc.constantFrom('<tel:+1-201-555-0123>', '<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>', 'isbn:2983792873'),
    ),
    fc.array(fc.tuple(tokenArb, fc.option(fc.oneof(tokenArb, quotedArb))), { maxLength: 2 }),
  )
  .map(([value, params]) => value + params.map(([n, v]) => (v === null ? `;${n}` : `;${n}=${v}`)).join(''));
const viaArb = fc
  .tuple(fc.constantFrom('UDP', 'TCP', 'TLS', 'WS', 'WSS', 'SCTP', 'X-NEW'), hostArb, fc.option(fc.integer({ min: 1, max: 65535 })), tokenArb)
  .map(([transport, host, port, branch]) => `SIP/2.0/${transport} ${host}${port === null ? '' : `:${port}`};branch=z9hG4bK${branch};rport`);
const textWordArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((w) => !/[\s\p{Cc}\u2028\u2029]/u.test(w));
const textArb = fc.array(textWordArb, { maxLength: 5 }).map((words) => words.join(' '));
const nameArb = (long: string, compact?: string): fc.Arbitrary<string> =>
  fc.constantFrom(long, long.toUpperCase(), long.toLowerCase(), ...(compact ? [compact, compact.toUpperCase()] : []));
const colonArb = fc.constantFrom(': ', ':', ' : ', '\t:\t', ':   ');

const builtMessageArb: fc.Arbitrary<BuiltMessage> = fc
  .record({
    method: fc.oneof(fc.constantFrom('INVITE', 'REGISTER', 'OPTIONS', 'BYE', 'SUBSCRIBE', 'NOTIFY'), tokenArb),
    requestUri: fc.oneof(sipUriArb, fc.constantFrom('tel:+1-201-555-0123', 'urn:service:sos')),
    response: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: fc.tuple(fc.integer({ min: 100, max: 699 }), textArb), weight: 1 },
    ),
    vias: fc.array(viaArb, { minLength: 1, maxLength: 3 }),
    from: nameAddrArb,
    to: nameAddrArb,
    callId: fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}]{1,20}(@[A-Za-z0-9.]{1,10})?$/),
    seq: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    maxForwards: fc.option(fc.integer({ min: 0, max: 255 })),
    contacts: fc.option(fc.array(nameAddrArb.filter((v) => v.includes('<')), { minLength: 1, maxLength: 3 })),
    extra: fc.array(fc.tuple(tokenArb.map((t) => `X-${t}`), textArb), { maxLength: 4 }),
    body: fc.uint8Array({ maxLength: 64 }),
    contentLength: fc.constantFrom('exact', 'absent', 'short'),
    noise: fc.uint8Array({ maxLength: 16 }),
    names: fc.tuple(nameArb('Via', 'v'), nameArb('From', 'f'), nameArb('To', 't'), nameArb('Call-ID', 'i'), nameArb('CSeq'), nameArb('Max-Forwards'), nameArb('Contact', 'm'), nameArb('Content-Length', 'l')),
    colon: colonArb,
    fold: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  })
  .map((r) => {
    const [via, from, to, callId, cseq, maxForwards, contact, contentLength] = r.names;
    const headers: [string, string][] = [
      ...r.vias.map((v): [string, string] => [via, v]),
      [from, r.from],
      [to, r.to],
      [callId, r.callId],
      [cseq, `${r.seq} ${r.response ? 'INVITE' : r.method}`],
    ];
    if (r.maxForwards !== null) headers.push([maxForwards, String(r.maxForwards)]);
    if (r.contacts) headers.push([contact, r.contacts.join(', ')]);
    headers.push(...r.extra);
    // Shuffle (Via lines keep their relative order).
    const keyed = headers.map((h, i) => ({ h, k: h[0] === via ? i : (r.order[i % 16] ?? 0) * 100 + i }));
    const ordered = keyed.sort((a, b) => a.k - b.k).map((x) => x.h);
    let body = r.body;
    if (r.contentLength === 'exact') ordered.push([contentLength, String(body.length)]);
    if (r.contentLength === 'short') {
      ordered.push([contentLength, String(Math.floor(body.length / 2))]);
      body = body.subarray(0, Math.floor(body.length / 2));
    }
    let foldIndex = 0;
    const fold = (value: string): string =>
      value.replace(/ (?! )/g, () => (r.fold[foldIndex++ % 64] ? (foldIndex % 2 ? '\r\n ' : '\r\n\t') : ' '));
    const start = r.response ? `SIP/2.0 ${r.response[0]} ${r.response[1]}` : `${r.method} ${r.requestUri} SIP/2.0`;
    const head = `${start}\r\n${ordered.map(([n, v]) => `${n}${r.colon}${fold(v)}\r\n`).join('')}\r\n`;
    const rest = r.contentLength === 'short' ? concat(r.body) : concat(body, r.contentLength === 'exact' ? r.noise : new Uint8Array());
    return { bytes: concat(encoder.encode(head), rest), values: ordered.map(([, v]) => v), body };
  });

describe('parseSipMessage under fuzzing', () => {
  it('accepts every message built from the grammar, with the same header values and body', () => {
    fc.assert(
      fc.property(builtMessageArb, (built) => {
        count('grammar-built messages');
        const result = parseSipMessage(built.bytes);
        if (!result.ok) throw new Error(`${result.error.reason}\n${new TextDecoder().decode(built.bytes)}`);
        expect(result.message.headers.map((h) => h.value)).toEqual(built.values);
        expect(Buffer.from(result.message.body).equals(Buffer.from(built.body))).toBe(true);
        checkParse(built.bytes);
      }),
      { numRuns: 1000 * SCALE },
    );
  }, TEST_TIMEOUT);

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        count('random text');
        checkParse(text);
      }),
      { numRuns: 500 * SCALE },
    );
  }, TEST_TIMEOUT);

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        count('random bytes');
        checkParse(bytes);
      }),
      { numRuns: 500 * SCALE },
    );
  }, TEST_TIMEOUT);

  it('never throws on SIP-shaped noise', () => {
    fc.assert(
      fc.property(sipNoise, (text) => {
        count('SIP-shaped noise');
        checkParse(text);
      }),
      { numRuns: 1000 * SCALE },
    );
  }, TEST_TIMEOUT);

  it('never throws on mutations of the corpus and of JsSIP-like messages', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), (index, mutations) => {
        count('mutations');
        checkParse(mutations.reduce(mutate, seeds[index] ?? new Uint8Array()));
      }),
      { numRuns: 2000 * SCALE },
    );
  }, TEST_TIMEOUT);

  it('returns on large pathological inputs', () => {
    const size = 64 * 1024;
    const head = 'INVITE sip:a@b.example SIP/2.0\r\nVia: SIP/2.0/WSS x.invalid;branch=z9hG4bK1\r\n';
    const tail = 'From: <sip:a@b.example>;tag=1\r\nTo: <sip:c@d.example>\r\nCall-ID: p\r\nCSeq: 1 INVITE\r\n\r\n';
    const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const cases: string[] = [];
    for (const unit of ['"', '\\"', '<', '>', ';', ',', '%', '%2', '@', ':', '[', ' ', '\t', '\r\n ', '\r', '\n', '\r\n', '\u0000', 'a', 'é', '=', '/']) {
      cases.push(fill(unit));
      cases.push(`${head}X-Fill: ${fill(unit)}\r\n${tail}`);
      cases.push(`${head}Contact: ${fill(unit)}\r\n${tail}`);
      cases.push(`${head}${tail.replace('To: <sip:c@d.example>', `To: <sip:c@d.example>${fill(unit)}`)}`);
      cases.push(`${head}${tail.replace('<sip:a@b.example>', `"${fill(unit)}" <sip:a@b.example>`)}`);
      cases.push(`INVITE sip:${fill(unit)} SIP/2.0\r\n${tail}`);
      cases.push(`${head}Via: SIP/2.0/UDP h.example${fill(unit)}\r\n${tail}`);
    }
    cases.push(`${head}${'X: y\r\n'.repeat(size / 6)}${tail}`);
    cases.push(`${head}${'X: y\r\n z\r\n'.repeat(size / 11)}${tail}`);
    cases.push(`${head}Route: ${'<sip:p.example;lr>,'.repeat(size / 19)}<sip:q.example>\r\n${tail}`);
    cases.push(`${head}Via: ${'SIP/2.0/UDP h.example;branch=z9hG4bKx,'.repeat(size / 38)}SIP/2.0/UDP h.example\r\n${tail}`);
    cases.push(`${head}${tail}${fill('\r\n\r\n')}`);
    for (const text of cases) {
      count('pathological 64 KiB');
      checkParse(text);
    }
    // Far beyond the default size limit, and 1 MiB with the limit raised: quadratic work would not finish.
    for (const unit of [';', '"', '<', '\r\n ', ',', 'X: y\r\n']) {
      const big = `${head}X-Big: ${unit.repeat((1024 * 1024) / unit.length)}\r\n${tail}`;
      count('pathological 1 MiB');
      expect(parseSipMessage(big).ok).toBe(false);
      expect(typeof parseSipMessage(big, { maxMessageBytes: 2 * 1024 * 1024, maxHeaders: 1_000_000 }).ok).toBe('boolean');
    }
  }, TEST_TIMEOUT);

  afterAll(() => {
    const total = Object.values(runs).reduce((a, b) => a + b, 0);
    const detail = Object.entries(runs).map(([name, n]) => `${name}: ${n}`).join(', ');
    console.log(`fuzz: ${total} parseSipMessage inputs (${detail})`);
  });
});
