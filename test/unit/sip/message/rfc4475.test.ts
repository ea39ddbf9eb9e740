// RFC 4475 (SIP torture test messages) as the message layer's conformance corpus. Every file must be classified
// below; each entry asserts what the RFC text says for that message:
// - `valid` (§3.1.1): accepted, with the fields the RFC describes;
// - `message-layer` (§3.1.2 and the framing/sanity cases of §3.3): rejected here, answered with 400/505 when it is a
//   request, dropped when it is a response;
// - `upper-layer` (§3.2, most of §3.3, §3.4): well-formed for the parser, which must accept it so that the
//   transaction layer / registrar / proxy / UAS can act (416, 420, 415, 483, ...); the test asserts the fields those
//   layers will rely on.
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildErrorResponse,
  getBodyText,
  getCallId,
  getContacts,
  getContentLength,
  getContentType,
  getCSeq,
  getFrom,
  getHeader,
  getHeaderLines,
  getHeaders,
  getMaxForwards,
  getOptionTags,
  getParam,
  getRecordRoutes,
  getRoutes,
  getTo,
  getVias,
  headerKey,
  parseSipMessage,
  parseUri,
  serializeSipMessageBytes,
  unescapeUriComponent,
  urisEqual,
  type ParseResult,
  type SipMessage,
  type SipRequest,
  type SipResponse,
  type Uri,
} from '../../../../electron/sip/message';
import { corpusAvailable, corpusFiles, corpusSkipReason, readCorpusFile } from './corpus';

type Layer = 'valid' | 'message-layer' | 'upper-layer';

interface Expectation {
  section: string;
  layer: Layer;
  check: (result: ParseResult) => void;
}

function request(result: ParseResult): SipRequest {
  if (!result.ok) throw new Error(`expected a request, got: ${result.error.reason}`);
  expect(result.message.kind).toBe('request');
  return result.message as SipRequest;
}

function response(result: ParseResult): SipResponse {
  if (!result.ok) throw new Error(`expected a response, got: ${result.error.reason}`);
  expect(result.message.kind).toBe('response');
  return result.message as SipResponse;
}

function sip(uri: Uri | undefined): Extract<Uri, { kind: 'sip' }> {
  if (uri?.kind !== 'sip') throw new Error(`expected a SIP URI, got ${JSON.stringify(uri)}`);
  return uri;
}

function uri(text: string): Uri {
  const parsed = parseUri(text);
  if (!parsed) throw new Error(`test URI does not parse: ${text}`);
  return parsed;
}

const SDP_TAIL = 'm=video 3227 RTP/AVP 31\r\na=rtpmap:31 LPC\r\n';

/** A request rejected by this layer, answered with `status`; the answer can be built from what was readable. */
function answered(status: 400 | 505, reasonPattern: RegExp, copied: { vias: number; callId?: boolean } = { vias: 1 }) {
  return (result: ParseResult): void => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ respond: true, status, messageKind: 'request' });
    expect(result.error.reason).toMatch(reasonPattern);
    const answer = buildErrorResponse(result.error, { toTag: 'torture' });
    expect(answer?.status).toBe(status);
    if (!answer) return;
    expect(getHeaderLines(answer, 'Via')).toHaveLength(copied.vias);
    expect(getHeader(answer, 'CSeq')).toBeDefined();
    if (copied.callId !== false) expect(getHeader(answer, 'Call-ID')).toBeDefined();
  };
}

/** A response this layer drops (responses are never answered). */
function dropped(reasonPattern: RegExp) {
  return (result: ParseResult): void => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ respond: false, messageKind: 'response' });
    expect(result.error.status).toBeUndefined();
    expect(result.error.reason).toMatch(reasonPattern);
    expect(buildErrorResponse(result.error)).toBeUndefined();
  };
}

const EXPECTATIONS: Record<string, Expectation> = {
  // ---- 3.1.1 valid messages -------------------------------------------------------------------------------------
  'wsinv.dat': {
    section: '3.1.1.1',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      expect(m.method).toBe('INVITE');
      const ruri = sip(m.requestUri);
      expect([ruri.user, ruri.host, ruri.params]).toEqual(['vivekg', 'chair-dnrc.example.com', [{ name: 'unknownparam' }]]);
      const to = getTo(m);
      expect(to?.displayName).toBeUndefined();
      expect(sip(to?.uri).user).toBe('vivekg');
      expect(getParam(to?.params ?? [], 'tag')).toBe('1918181833n');
      const from = getFrom(m);
      expect(from?.displayName).toBe('J Rosenberg \\"');
      expect(getParam(from?.params ?? [], 'tag')).toBe('98asjd8');
      expect(getMaxForwards(m)).toBe(68);
      expect(getCallId(m)).toBe('wsinv.ndaksdj@192.0.2.1');
      expect(getCSeq(m)).toEqual({ seq: 9, method: 'INVITE' });
      const vias = getVias(m) ?? [];
      expect(vias.map((v) => [v.protocolName, v.protocolVersion, v.transport, v.host, v.branch])).toEqual([
        ['SIP', '2.0', 'UDP', '192.0.2.2', '390skdjuw'],
        ['SIP', '2.0', 'TCP', 'spindle.example.com', 'z9hG4bK9ikj8'],
        ['SIP', '2.0', 'UDP', '192.168.255.111', 'z9hG4bK30239'],
      ]);
      expect(getHeader(m, 'Subject')).toBe('');
      expect(getHeader(m, 'NewFangledHeader')).toBe('newfangled value continued newfangled value');
      expect(getHeader(m, 'UnknownHeaderWithUnusualValue')).toBe(';;,,;;,;');
      expect(getContentType(m)).toMatchObject({ type: 'application', subtype: 'sdp' });
      const routes = getRoutes(m) ?? [];
      expect(routes).toHaveLength(1);
      expect(sip(routes[0]?.uri).params).toEqual([
        { name: 'lr' },
        { name: 'unknownwith', value: 'value' },
        { name: 'unknown-no-value' },
      ]);
      const contacts = getContacts(m)?.contacts ?? [];
      expect(contacts).toHaveLength(1);
      expect(contacts[0]?.displayName).toBe('Quoted string ""');
      expect(contacts[0]?.params).toEqual([{ name: 'newparam', value: 'newvalue' }, { name: 'secondparam' }, { name: 'q', value: '0.33' }]);
      expect(getContentLength(m)).toBe(150);
      expect(m.body).toHaveLength(150);
      expect(getBodyText(m)).toMatch(/^v=0\r\no=mhandley 29739 7272939 IN IP4 192\.0\.2\.3\r\n/);
      expect(getBodyText(m).endsWith(SDP_TAIL)).toBe(true);
    },
  },
  'intmeth.dat': {
    section: '3.1.1.2',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      const method = "!interesting-Method0123456789_*+`.%indeed'~";
      expect(m.method).toBe(method);
      const ruri = sip(m.requestUri);
      expect(ruri.user).toBe("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
      expect(ruri.password).toBe("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
      expect(ruri.host).toBe('example.com');
      expect(getVias(m)?.[0]?.branch).toBe("z9hG4bK-.!%66*_+`'~");
      const to = getTo(m);
      expect(to?.displayName).toBe('BEL:\x07 NUL:\x00 DEL:\x7f');
      expect(sip(to?.uri).user).toBe("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
      const from = getFrom(m);
      expect(from?.displayName).toBe("token1~` token2'+_ token3*%!.-");
      expect(getParam(from?.params ?? [], "fromParam''~+*_!.-%")).toBe('работающий');
      expect(getParam(from?.params ?? [], 'tag')).toBe("_token~1'+`*%!-.");
      expect(getCallId(m)).toBe("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
      expect(getCSeq(m)).toEqual({ seq: 139122385, method });
      expect(getMaxForwards(m)).toBe(255);
      expect(getHeader(m, "extensionHeader-!.%*+_`'~")).toBe('\uFEFF大停電');
      expect(m.body).toHaveLength(0);
    },
  },
  'esc01.dat': {
    section: '3.1.1.3',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      const ruri = sip(m.requestUri);
      expect(ruri.user).toBe('sips%3Auser%40example.com');
      expect(unescapeUriComponent(ruri.user ?? '')).toBe('sips:user@example.com');
      expect(ruri.host).toBe('example.net');
      expect(urisEqual(getTo(m)?.uri ?? ruri, uri('sip:user@example.com'))).toBe(true);
      expect(unescapeUriComponent(sip(getFrom(m)?.uri).user ?? '')).toBe('I have spaces');
      const contact = getContacts(m)?.contacts[0];
      expect(unescapeUriComponent(sip(contact?.uri).user ?? '')).toBe('caller');
      expect(sip(contact?.uri).params.map((p) => [unescapeUriComponent(p.name), p.value && unescapeUriComponent(p.value)])).toEqual([
        ['lr', undefined],
        ['name', 'value%41'],
      ]);
      // "value%41" is not "valueA": unescaping is never recursive.
      expect(urisEqual(contact?.uri ?? ruri, uri('sip:caller@host5.example.net;lr;name=value%2541'))).toBe(true);
      expect(urisEqual(contact?.uri ?? ruri, uri('sip:caller@host5.example.net;lr;name=valueA'))).toBe(false);
      expect(getCallId(m)).toBe('esc01.239409asdfakjkn23onasd0-3234');
      expect(getContentType(m)).toMatchObject({ type: 'application', subtype: 'sdp' });
      expect(m.body).toHaveLength(150);
    },
  },
  'escnull.dat': {
    section: '3.1.1.4',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      const aor = unescapeUriComponent(sip(getTo(m)?.uri).user ?? '');
      expect(aor).toBe('null-\u0000-null');
      expect(aor).toHaveLength(11);
      const contacts = getContacts(m)?.contacts ?? [];
      expect(contacts.map((c) => unescapeUriComponent(sip(c.uri).user ?? ''))).toEqual(['\u0000', '\u0000\u0000']);
      expect(getContentLength(m)).toBe(0);
    },
  },
  'esc02.dat': {
    section: '3.1.1.5',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      expect(m.method).toBe('RE%47IST%45R');
      expect(m.method).not.toBe('REGISTER');
      expect(getTo(m)?.displayName).toBe('%Z%45');
      expect(getFrom(m)?.displayName).toBe('%Z%45');
      expect(getVias(m)?.[0]?.branch).toBe('z9hG4bK209%fzsnel234');
      expect(getCSeq(m)).toEqual({ seq: 29344, method: 'RE%47IST%45R' });
      // Two Contact values; the second line is an unknown "C%6Fntact" header.
      expect((getContacts(m)?.contacts ?? []).map((c) => sip(c.uri).host)).toEqual(['host1.example.com', 'host3.example.com']);
      expect(getHeader(m, 'C%6Fntact')).toBe('<sip:alias2@host2.example.com>');
    },
  },
  'lwsdisp.dat': {
    section: '3.1.1.6',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      expect(m.method).toBe('OPTIONS');
      const from = getFrom(m);
      expect(from?.displayName).toBe('caller');
      expect(sip(from?.uri).user).toBe('caller');
      expect(getParam(from?.params ?? [], 'tag')).toBe('323');
    },
  },
  'longreq.dat': {
    section: '3.1.1.7',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      const to = getTo(m);
      expect(to?.displayName).toBe(`I have a user name of ${'extreme'.repeat(10)} proportion`);
      const toUri = sip(to?.uri);
      expect(toUri.port).toBe(6000);
      expect(toUri.params).toHaveLength(3);
      expect(toUri.params[0]).toEqual({ name: 'unknownparam1', value: `very${'long'.repeat(20)}value` });
      expect(toUri.params[2]?.value).toBeUndefined();
      const from = getFrom(m);
      expect(getParam(from?.params ?? [], 'tag')).toMatch(/^(12982)+424$|^[0-9]+$/);
      expect(from?.params).toHaveLength(3);
      expect(getCallId(m)).toBe(`longreq.one${'really'.repeat(20)}longcallid`);
      expect(getVias(m)).toHaveLength(34);
      expect(getVias(m)?.[33]).toMatchObject({ host: 'host.example.com', received: '192.0.2.5' });
      expect(getHeaders(m, `Unknown-${'Long'.repeat(20)}-Name`)).toHaveLength(1);
      expect(getMaxForwards(m)).toBe(70);
      expect(m.body).toHaveLength(150);
    },
  },
  'dblreq.dat': {
    section: '3.1.1.8',
    layer: 'valid',
    check: (result) => {
      // The INVITE after the REGISTER's (empty) body is datagram noise and is ignored (RFC 3261 §18.3).
      const m = request(result);
      expect(m.method).toBe('REGISTER');
      expect(getCallId(m)).toBe('dblreq.0ha0isndaksdj99sdfafnl3lk233412');
      expect(getContentLength(m)).toBe(0);
      expect(m.body).toHaveLength(0);
    },
  },
  'semiuri.dat': {
    section: '3.1.1.9',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      const ruri = sip(m.requestUri);
      expect([ruri.user, ruri.host, ruri.params]).toEqual(['user;par=u%40example.net', 'example.com', []]);
      expect(getHeaders(m, 'Accept')).toEqual([
        'application/sdp',
        'application/pkcs7-mime',
        'multipart/mixed',
        'multipart/signed',
        'message/sip',
        'message/sipfrag',
      ]);
    },
  },
  'transports.dat': {
    section: '3.1.1.10',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      expect(getVias(m)?.map((v) => [v.transport, v.host])).toEqual([
        ['UDP', 't1.example.com'],
        ['SCTP', 't2.example.com'],
        ['TLS', 't3.example.com'],
        ['UNKNOWN', 't4.example.com'],
        ['TCP', 't5.example.com'],
      ]);
      expect(getCallId(m)).toBe('transports.kijh4akdnaqjkwendsasfdj');
    },
  },
  'mpart01.dat': {
    section: '3.1.1.11',
    layer: 'valid',
    check: (result) => {
      const m = request(result);
      expect(m.method).toBe('MESSAGE');
      const type = getContentType(m);
      expect(type).toMatchObject({ type: 'multipart', subtype: 'mixed' });
      expect(getParam(type?.params ?? [], 'boundary')).toBe('7a9cbec02ceef655');
      expect(m.body).toHaveLength(553);
      expect(m.body.includes(0)).toBe(true);
      expect(Buffer.from(m.body).toString('latin1').endsWith('\r\n--7a9cbec02ceef655--\r\n')).toBe(true);
      expect(getVias(m)?.[0]?.rport).toBe(true);
    },
  },
  'unreason.dat': {
    section: '3.1.1.12',
    layer: 'valid',
    check: (result) => {
      const m = response(result);
      expect(m.status).toBe(200);
      expect(m.reason).toBe('= 2**3 * 5**2 но сто девяносто девять - простое');
      expect(m.body).toHaveLength(154);
    },
  },
  'noreason.dat': {
    section: '3.1.1.13',
    layer: 'valid',
    check: (result) => {
      const m = response(result);
      expect(m.status).toBe(100);
      expect(m.reason).toBe('');
      expect(getCSeq(m)).toEqual({ seq: 35, method: 'INVITE' });
    },
  },

  // ---- 3.1.2 invalid messages: rejected by this layer ------------------------------------------------------------
  'badinv01.dat': { section: '3.1.2.1', layer: 'message-layer', check: answered(400, /Via/) },
  'clerr.dat': { section: '3.1.2.2', layer: 'message-layer', check: answered(400, /Content-Length/) },
  'ncl.dat': { section: '3.1.2.3', layer: 'message-layer', check: answered(400, /Content-Length/) },
  // CSeq > 2^32-1 (also Max-Forwards 300, Expires and expires= overlarge): the RFC names the CSeq as the reason.
  'scalar02.dat': { section: '3.1.2.4', layer: 'message-layer', check: answered(400, /CSeq/) },
  'scalarlg.dat': { section: '3.1.2.5', layer: 'message-layer', check: dropped(/CSeq/) },
  'quotbal.dat': { section: '3.1.2.6', layer: 'message-layer', check: answered(400, /To/) },
  'ltgtruri.dat': { section: '3.1.2.7', layer: 'message-layer', check: answered(400, /Request-URI/) },
  'lwsruri.dat': { section: '3.1.2.8', layer: 'message-layer', check: answered(400, /Request-Line/) },
  'lwsstart.dat': { section: '3.1.2.9', layer: 'message-layer', check: answered(400, /Request-Line/) },
  'trws.dat': { section: '3.1.2.10', layer: 'message-layer', check: answered(400, /Request-Line/) },
  'escruri.dat': { section: '3.1.2.11', layer: 'message-layer', check: answered(400, /Request-URI.*headers/) },
  // Only GMT is allowed in a SIP Date: the RFC says respond 400 (a liberal element could ignore the Date).
  'baddate.dat': { section: '3.1.2.12', layer: 'message-layer', check: answered(400, /Date/) },
  'regbadct.dat': { section: '3.1.2.13', layer: 'message-layer', check: answered(400, /Contact/) },
  'badaspec.dat': { section: '3.1.2.14', layer: 'message-layer', check: answered(400, /To/) },
  'baddn.dat': { section: '3.1.2.15', layer: 'message-layer', check: answered(400, /From|To/) },
  'badvers.dat': { section: '3.1.2.16', layer: 'message-layer', check: answered(505, /version/) },
  'mismatch01.dat': { section: '3.1.2.17', layer: 'message-layer', check: answered(400, /CSeq method INVITE.*OPTIONS/) },
  // The RFC prefers 501 but accepts 400; the CSeq/method mismatch is caught before method dispatch, so 400.
  'mismatch02.dat': { section: '3.1.2.18', layer: 'message-layer', check: answered(400, /CSeq method INVITE.*NEWMETHOD/) },
  'bigcode.dat': { section: '3.1.2.19', layer: 'message-layer', check: dropped(/status code/) },

  // ---- 3.2 transaction layer ------------------------------------------------------------------------------------
  // A bare magic cookie is a legal token: parsed; the transaction layer decides (400, or RFC 2543 matching).
  'badbranch.dat': {
    section: '3.2.1',
    layer: 'upper-layer',
    check: (result) => {
      const m = request(result);
      expect(getVias(m)?.[0]?.branch).toBe('z9hG4bK');
    },
  },

  // ---- 3.3 application layer ------------------------------------------------------------------------------------
  // No Call-ID, From or To: "ideally respond 400" — done here, naming the missing fields.
  'insuf.dat': {
    section: '3.3.1',
    layer: 'message-layer',
    check: (result) => {
      answered(400, /Missing required header\(s\): From, To, Call-ID/, { vias: 1, callId: false })(result);
      if (result.ok) return;
      const answer = buildErrorResponse(result.error, { toTag: 'x' });
      expect(getHeader(answer ?? { headers: [] }, 'From')).toBeUndefined();
      expect(getCSeq(answer ?? { headers: [] })).toEqual({ seq: 193942, method: 'INVITE' });
    },
  },
  'unkscm.dat': {
    section: '3.3.2',
    layer: 'upper-layer',
    check: (result) => {
      // Well-formed; the element answers 416 Unsupported URI Scheme.
      const m = request(result);
      expect(m.requestUri).toEqual({ kind: 'absolute', scheme: 'nobodyKnowsThisScheme', value: 'totallyopaquecontent' });
    },
  },
  'novelsc.dat': {
    section: '3.3.3',
    layer: 'upper-layer',
    check: (result) => {
      const m = request(result);
      expect(m.requestUri).toEqual({ kind: 'absolute', scheme: 'soap.beep', value: '//192.0.2.103:3002' });
    },
  },
  'unksm2.dat': {
    section: '3.3.4',
    layer: 'upper-layer',
    check: (result) => {
      // Syntactically valid; a registrar answers 400 because the To is not a SIP/SIPS AOR.
      const m = request(result);
      expect(getTo(m)?.uri).toEqual({ kind: 'absolute', scheme: 'isbn', value: '2983792873' });
      expect(getFrom(m)?.uri).toEqual({ kind: 'absolute', scheme: 'http', value: '//www.example.com' });
      expect(getParam(getFrom(m)?.params ?? [], 'tag')).toBe('3234233');
      expect(getContacts(m)?.contacts[0]?.uri).toEqual({ kind: 'absolute', scheme: 'name', value: 'John_Smith' });
    },
  },
  'bext01.dat': {
    section: '3.3.5',
    layer: 'upper-layer',
    check: (result) => {
      // A proxy answers 420 listing the Proxy-Require tags; a UAS 420 listing the Require tags.
      const m = request(result);
      expect(getOptionTags(m, 'Require')).toEqual(['nothingSupportsThis', 'nothingSupportsThisEither']);
      expect(getOptionTags(m, 'Proxy-Require')).toEqual(['noProxiesSupportThis', 'norDoAnyProxiesSupportThis']);
      expect(getVias(m)?.[0]?.transport).toBe('TLS');
    },
  },
  'invut.dat': {
    section: '3.3.6',
    layer: 'upper-layer',
    check: (result) => {
      // A UAS answers 415 Unsupported Media Type.
      const m = request(result);
      expect(getContentType(m)).toMatchObject({ type: 'application', subtype: 'unknownformat' });
      expect(m.body).toHaveLength(40);
      expect(getBodyText(m)).toBe('<audio>\r\n <pcmu port="443"/>\r\n</audio>\r\n');
    },
  },
  'regaut01.dat': {
    section: '3.3.7',
    layer: 'upper-layer',
    check: (result) => {
      // A registrar ignores it or challenges with a scheme it knows (401).
      const m = request(result);
      expect(getHeader(m, 'Authorization')).toBe('NoOneKnowsThisScheme opaque-data=here');
      expect(getContentLength(m)).toBe(0);
    },
  },
  // Multiple To, From, Call-ID, CSeq, Max-Forwards: "would respond with a 400 Bad Request".
  'multi01.dat': {
    section: '3.3.8',
    layer: 'message-layer',
    check: answered(400, /Repeated single-value header\(s\): To, From, Call-ID, CSeq, Max-Forwards/),
  },
  // Two Content-Length values leave the framing undefined: 400 (the rest of the frame is discarded).
  'mcl01.dat': { section: '3.3.9', layer: 'message-layer', check: answered(400, /Content-Length/) },
  'bcast.dat': {
    section: '3.3.10',
    layer: 'upper-layer',
    check: (result) => {
      // Well-formed; the proxy must not forward to the broadcast address (core's job).
      const m = response(result);
      expect(m.status).toBe(200);
      expect(getVias(m)?.map((v) => v.host)).toEqual(['192.0.2.198', '255.255.255.255']);
      expect(m.body).toHaveLength(154);
    },
  },
  'zeromf.dat': {
    section: '3.3.11',
    layer: 'upper-layer',
    check: (result) => {
      // A proxy answers 483 Too Many Hops; an endpoint processes it normally.
      const m = request(result);
      expect(getMaxForwards(m)).toBe(0);
    },
  },
  'cparam01.dat': {
    section: '3.3.12',
    layer: 'upper-layer',
    check: (result) => {
      // addr-spec form: "unknownparam" is a contact-param, not a URI parameter.
      const contact = getContacts(request(result))?.contacts[0];
      expect(sip(contact?.uri).params).toEqual([]);
      expect(contact?.params).toEqual([{ name: 'unknownparam' }]);
      expect(sip(contact?.uri).user).toBe('+19725552222');
    },
  },
  'cparam02.dat': {
    section: '3.3.13',
    layer: 'upper-layer',
    check: (result) => {
      // name-addr form: "unknownparam" is a URI parameter of the binding.
      const contact = getContacts(request(result))?.contacts[0];
      expect(sip(contact?.uri).params).toEqual([{ name: 'unknownparam' }]);
      expect(contact?.params).toEqual([]);
    },
  },
  'regescrt.dat': {
    section: '3.3.14',
    layer: 'upper-layer',
    check: (result) => {
      // Legal: the escaped Route header stays part of the registered contact URI.
      const contact = getContacts(request(result))?.contacts[0];
      const contactUri = sip(contact?.uri);
      expect(contactUri.headers).toEqual([{ name: 'Route', value: '%3Csip:sip.example.com%3E' }]);
      expect(unescapeUriComponent(contactUri.headers[0]?.value ?? '')).toBe('<sip:sip.example.com>');
    },
  },
  'sdp01.dat': {
    section: '3.3.15',
    layer: 'upper-layer',
    check: (result) => {
      // The UAS answers 406 (or 400): only text/nobodyKnowsThis is acceptable.
      const m = request(result);
      expect(getHeaders(m, 'Accept')).toEqual(['text/nobodyKnowsThis']);
      expect(getContentType(m)).toMatchObject({ type: 'application', subtype: 'sdp' });
    },
  },

  // ---- 3.4 backward compatibility -------------------------------------------------------------------------------
  'inv2543.dat': {
    section: '3.4.1',
    layer: 'upper-layer',
    check: (result) => {
      // RFC 2543 syntax: no branch, no From tag, no Content-Length (body = rest of the frame), no Max-Forwards.
      const m = request(result);
      expect(getVias(m)?.[0]?.branch).toBeUndefined();
      expect(getParam(getFrom(m)?.params ?? [], 'tag')).toBeUndefined();
      expect(getHeader(m, 'Content-Length')).toBeUndefined();
      expect(getMaxForwards(m)).toBeUndefined();
      expect(getBodyText(m).endsWith('m=audio 49217 RTP/AVP 0\r\n')).toBe(true);
      expect(m.body).toHaveLength(105);
      expect(getRecordRoutes(m)?.map((r) => sip(r.uri).params)).toEqual([[{ name: 'maddr', value: 'ss1.example.com' }]]);
      expect(getParam(sip(getTo(m)?.uri).params, 'user')).toBeUndefined();
      expect(getTo(m)?.params).toEqual([{ name: 'user', value: 'phone' }]);
    },
  },
};

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.log(`Skipping RFC 4475 conformance: ${corpusSkipReason}`);

describeCorpus(corpusAvailable ? 'RFC 4475 torture messages' : `RFC 4475 torture messages — skipped: ${corpusSkipReason}`, () => {
  const files = corpusFiles();
  const passed: Record<Layer, number> = { valid: 0, 'message-layer': 0, 'upper-layer': 0 };
  const total: Record<Layer, number> = { valid: 0, 'message-layer': 0, 'upper-layer': 0 };
  for (const expectation of Object.values(EXPECTATIONS)) total[expectation.layer]++;

  it('classifies every file of the corpus, and finds every classified file', () => {
    expect(files.filter((file) => !(file in EXPECTATIONS))).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((file) => !files.includes(file))).toEqual([]);
    expect(files).toHaveLength(49);
  });

  for (const [file, expectation] of Object.entries(EXPECTATIONS)) {
    it(`§${expectation.section} ${file}: ${expectation.layer}`, () => {
      const result = parseSipMessage(readCorpusFile(file));
      expectation.check(result);
      passed[expectation.layer]++;
    });
  }

  it('re-parses every accepted message identically after serialising it', () => {
    for (const [file, expectation] of Object.entries(EXPECTATIONS)) {
      const first = parseSipMessage(readCorpusFile(file));
      if (!first.ok) {
        expect(expectation.layer, file).toBe('message-layer');
        continue;
      }
      const bytes = serializeSipMessageBytes(first.message);
      const second = parseSipMessage(bytes);
      expect(second.ok, file).toBe(true);
      if (!second.ok) continue;
      expect(comparable(second.message), file).toEqual(comparable(first.message));
      expect(serializeSipMessageBytes(second.message), file).toEqual(bytes);
    }
  });

  afterAll(() => {
    const invalidPassed = passed['message-layer'] + passed['upper-layer'];
    const invalidTotal = total['message-layer'] + total['upper-layer'];
    console.log(
      `RFC 4475: ${passed.valid}/${total.valid} valid accepted, ${invalidPassed}/${invalidTotal} invalid rejected at the right layer ` +
        `(${passed['message-layer']}/${total['message-layer']} by the message layer with 400/505 or a drop, ` +
        `${passed['upper-layer']}/${total['upper-layer']} parsed and left to the transaction/application layer)`,
    );
  });
});

/**
 * A message with header names as lookup keys and without Content-Length (serialising always writes the right one),
 * for comparing a message with its re-parsed serialisation.
 */
function comparable(message: SipMessage): unknown {
  const headers = message.headers.map((h) => ({ key: headerKey(h.name), value: h.value }));
  return { ...message, headers: headers.filter((h) => h.key !== 'content-length') };
}
