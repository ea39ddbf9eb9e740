import { describe, expect, it } from 'vitest';
import {
  buildResponse,
  getHeader,
  getHeaderLines,
  serializeSipMessage,
  serializeUri,
  type SipRequest,
} from '../../../../electron/sip/message';
import { createUacDialog, createUasDialog, DialogSet, requestTarget } from '../../../../electron/sip/dialog';
import { setup } from '../transaction/setup';
import { clientInvite, outgoing, parseRequest, parseResponse, responseTo, sip } from '../transaction/support';

const IVR_CONTACT = '<sip:ivr@pbx.example.com;transport=ws>';

/** The INVITE from Desk 12 as the PBX received it, and the PBX's 200 OK to it. */
function uasPair() {
  const invite = parseRequest(clientInvite());
  const ok = buildResponse(invite, 200, { toTag: 'ivr-tag', headers: [{ name: 'Contact', value: IVR_CONTACT }] });
  return { invite, ok };
}

/** A bot's INVITE to 1002 and the 200 OK that came back through two record-routing proxies. */
function uacPair() {
  const invite = outgoing(
    sip([
      'INVITE sip:1002@pbx.example.com SIP/2.0',
      'Max-Forwards: 70',
      'To: <sip:1002@pbx.example.com>',
      'From: "Bot" <sip:bot@pbx.example.com>;tag=bot-tag',
      'Call-ID: bot-call-1',
      'CSeq: 41 INVITE',
      'Contact: <sip:bot@pbx.example.com;transport=ws>',
    ]),
  );
  const ok = parseResponse(
    sip([
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/WSS pbx.example.com;branch=z9hG4bKbot1;rport',
      'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>',
      'Record-Route: <sip:p3.example.com;lr>',
      'From: "Bot" <sip:bot@pbx.example.com>;tag=bot-tag',
      'To: <sip:1002@pbx.example.com>;tag=callee-tag',
      'Call-ID: bot-call-1',
      'CSeq: 41 INVITE',
      'Contact: <sip:k2b7r0qe@a8c1kk7p.invalid;transport=ws>',
    ]),
  );
  return { invite, ok };
}

function cseqOf(request: SipRequest): string | undefined {
  return getHeader(request, 'CSeq');
}

describe('UAS dialog (RFC 3261 §12.1.1)', () => {
  it('takes its state from the INVITE and our 2xx', () => {
    const { invite, ok } = uasPair();
    const dialog = createUasDialog(invite, ok);
    expect(dialog.id).toEqual({ callId: '3o9gcq2rm4bbbm5rgm0t', localTag: 'ivr-tag', remoteTag: 'hb2m1k0d7p' });
    expect(dialog.routeSet).toEqual([
      '<sip:edge1.example.com;lr>',
      '<sip:edge2.example.com;lr;transport=ws>',
      '<sip:edge3.example.com;lr>',
    ]);
    expect(serializeUri(dialog.remoteTarget)).toBe('sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws;ob');
    expect(serializeUri(dialog.localUri)).toBe('sip:1002@pbx.example.com');
    expect(serializeUri(dialog.remoteUri)).toBe('sip:1001@pbx.example.com');
    expect(dialog.remoteSeq).toBe(7003);
    expect(dialog.localSeq).toBe(0);
    expect(dialog.secure).toBe(false);
  });

  it('builds a BYE with the remote target, the route set, CSeq 1 and the tags (§12.2.1.1)', () => {
    const { invite, ok } = uasPair();
    const dialog = createUasDialog(invite, ok);
    const bye = dialog.createRequest('BYE');
    expect(bye.method).toBe('BYE');
    expect(serializeUri(bye.requestUri)).toBe('sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws;ob');
    expect(getHeaderLines(bye, 'Route')).toEqual(dialog.routeSet);
    expect(cseqOf(bye)).toBe('1 BYE');
    expect(getHeader(bye, 'From')).toBe('<sip:1002@pbx.example.com>;tag=ivr-tag');
    expect(getHeader(bye, 'To')).toBe('"Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p');
    expect(getHeader(bye, 'Call-ID')).toBe('3o9gcq2rm4bbbm5rgm0t');
    expect(getHeader(bye, 'Max-Forwards')).toBe('70');
    expect(getHeader(bye, 'Contact')).toBeUndefined();
    expect(getHeaderLines(bye, 'Via')).toEqual([]);
    expect(dialog.localSeq).toBe(1);
    expect(cseqOf(dialog.createRequest('INFO'))).toBe('2 INFO');
  });

  it('puts our Contact and a body on a NOTIFY or re-INVITE', () => {
    const { invite, ok } = uasPair();
    const dialog = createUasDialog(invite, ok);
    const notify = dialog.createRequest('NOTIFY', {
      headers: [{ name: 'Event', value: 'dialog' }],
      body: { contentType: 'application/dialog-info+xml', text: '<dialog-info/>' },
    });
    expect(getHeader(notify, 'Contact')).toBe(IVR_CONTACT);
    expect(getHeader(notify, 'Event')).toBe('dialog');
    expect(getHeader(notify, 'Content-Type')).toBe('application/dialog-info+xml');
    expect(getHeader(notify, 'Content-Length')).toBe('14');
    const reinvite = dialog.createRequest('INVITE', { headers: [{ name: 'm', value: '<sip:other@pbx.example.com>' }] });
    expect(getHeaderLines(reinvite, 'Contact')).toEqual(['<sip:other@pbx.example.com>']);
  });

  it('sends its requests through the transaction layer, which adds the Via', () => {
    const { invite, ok } = uasPair();
    const dialog = createUasDialog(invite, ok);
    const { layer, flow } = setup();
    const tx = layer.sendRequest(dialog.createRequest('BYE'), flow, { onFinal: () => {}, onTimeout: () => {} });
    const sent = parseRequest(flow.sent[0]!);
    expect(getHeader(sent, 'Via')).toMatch(/^SIP\/2\.0\/WSS pbx\.example\.com;branch=z9hG4bK/);
    expect(getHeaderLines(sent, 'Route')).toHaveLength(3);
    expect(serializeSipMessage(sent)).toBe(flow.sent[0]);
    expect(tx.request.method).toBe('BYE');
  });

  it('needs a To tag on the response and a Contact on the INVITE', () => {
    const invite = parseRequest(clientInvite());
    const untagged = buildResponse(invite, 200, { headers: [{ name: 'Contact', value: IVR_CONTACT }] });
    expect(() => createUasDialog(invite, untagged)).toThrow(TypeError);
    const noContact = parseRequest(clientInvite().replace(/Contact: [^\r]*\r\n/, ''));
    expect(() => createUasDialog(noContact, buildResponse(noContact, 200, { toTag: 't' }))).toThrow(TypeError);
    expect(() => createUasDialog(invite, buildResponse(invite, 486, { toTag: 't' }))).toThrow(TypeError);
  });

  it('is secure only for a SIPS Request-URI over a secure transport', () => {
    const invite = parseRequest(clientInvite().replace('INVITE sip:1002', 'INVITE sips:1002'));
    const ok = buildResponse(invite, 200, { toTag: 't', headers: [{ name: 'Contact', value: IVR_CONTACT }] });
    expect(createUasDialog(invite, ok, { transportSecure: true }).secure).toBe(true);
    expect(createUasDialog(invite, ok).secure).toBe(false);
  });
});

describe('UAC dialog (RFC 3261 §12.1.2)', () => {
  it('reverses the Record-Route of the response and takes the remote target from its Contact', () => {
    const { invite, ok } = uacPair();
    const dialog = createUacDialog(invite, ok);
    expect(dialog.id).toEqual({ callId: 'bot-call-1', localTag: 'bot-tag', remoteTag: 'callee-tag' });
    expect(dialog.routeSet).toEqual(['<sip:p3.example.com;lr>', '<sip:p2.example.com;lr>', '<sip:p1.example.com;lr>']);
    expect(serializeUri(dialog.remoteTarget)).toBe('sip:k2b7r0qe@a8c1kk7p.invalid;transport=ws');
    expect(dialog.localSeq).toBe(41);
    expect(dialog.remoteSeq).toBe(0);
  });

  it('ACKs the 2xx with the INVITE’s CSeq, then counts on from it', () => {
    const { invite, ok } = uacPair();
    const dialog = createUacDialog(invite, ok);
    const ack = dialog.createRequest('ACK');
    expect(cseqOf(ack)).toBe('41 ACK');
    expect(getHeaderLines(ack, 'Route')).toEqual(dialog.routeSet);
    expect(getHeader(ack, 'From')).toBe('"Bot" <sip:bot@pbx.example.com>;tag=bot-tag');
    expect(getHeader(ack, 'To')).toBe('<sip:1002@pbx.example.com>;tag=callee-tag');
    const bye = dialog.createRequest('BYE');
    expect(cseqOf(bye)).toBe('42 BYE');
    expect(serializeUri(bye.requestUri)).toBe('sip:k2b7r0qe@a8c1kk7p.invalid;transport=ws');
    const reinvite = dialog.createRequest('INVITE');
    expect(cseqOf(reinvite)).toBe('43 INVITE');
    expect(getHeader(reinvite, 'Contact')).toBe('<sip:bot@pbx.example.com;transport=ws>');
    expect(cseqOf(dialog.createRequest('ACK'))).toBe('43 ACK');
    expect(cseqOf(dialog.createRequest('ACK', { cseq: 41 }))).toBe('41 ACK');
    expect(() => dialog.createRequest('CANCEL')).toThrow(TypeError);
  });

  it('updates the remote target on a target refresh', () => {
    const { invite, ok } = uacPair();
    const dialog = createUacDialog(invite, ok);
    const refresh = parseRequest(
      sip([
        'UPDATE sip:bot@pbx.example.com SIP/2.0',
        'Via: SIP/2.0/WSS a8c1kk7p.invalid;branch=z9hG4bKupd',
        'From: <sip:1002@pbx.example.com>;tag=callee-tag',
        'To: "Bot" <sip:bot@pbx.example.com>;tag=bot-tag',
        'Call-ID: bot-call-1',
        'CSeq: 1 UPDATE',
        'Contact: <sip:moved@a8c1kk7p.invalid;transport=ws>',
      ]),
    );
    expect(dialog.refreshRemoteTarget(refresh)).toBe(true);
    expect(serializeUri(dialog.remoteTarget)).toBe('sip:moved@a8c1kk7p.invalid;transport=ws');
  });
});

describe('in-dialog CSeq (§12.2.2)', () => {
  function request(method: string, seq: number): SipRequest {
    return parseRequest(
      sip([
        `${method} sip:ivr@pbx.example.com SIP/2.0`,
        'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK' + method + seq,
        'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
        'To: <sip:1002@pbx.example.com>;tag=ivr-tag',
        'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
        `CSeq: ${seq} ${method}`,
      ]),
    );
  }

  it('rejects a lower CSeq (the TU answers 500) and accepts a higher one', () => {
    const { invite, ok } = uasPair();
    const dialog = createUasDialog(invite, ok);
    expect(dialog.acceptRemoteCSeq(request('INFO', 7002))).toBe(false);
    expect(dialog.remoteSeq).toBe(7003);
    expect(dialog.acceptRemoteCSeq(request('ACK', 7003))).toBe(true);
    expect(dialog.acceptRemoteCSeq(request('INFO', 7004))).toBe(true);
    expect(dialog.remoteSeq).toBe(7004);
    expect(dialog.acceptRemoteCSeq(request('BYE', 7010))).toBe(true);
    expect(dialog.acceptRemoteCSeq(request('INFO', 7005))).toBe(false);
    expect(dialog.remoteSeq).toBe(7010);
  });

  it('accepts any first CSeq when the remote sequence is empty (UAC)', () => {
    const { invite, ok } = uacPair();
    const dialog = createUacDialog(invite, ok);
    expect(dialog.acceptRemoteCSeq(request('BYE', 1))).toBe(true);
    expect(dialog.remoteSeq).toBe(1);
  });
});

describe('route set and strict routers (§12.2.1.1)', () => {
  it('sends to the first route as Request-URI with the remote target last when that route is strict', () => {
    const target = parseRequest(clientInvite()).requestUri;
    const strict = requestTarget(['<sip:old.example.com;method=INVITE>', '<sip:p2.example.com;lr>'], target);
    expect(serializeUri(strict.requestUri)).toBe('sip:old.example.com');
    expect(strict.routes).toEqual(['<sip:p2.example.com;lr>', '<sip:1002@pbx.example.com>']);
    const loose = requestTarget(['<sip:p1.example.com;lr>'], target);
    expect(serializeUri(loose.requestUri)).toBe('sip:1002@pbx.example.com');
    expect(loose.routes).toEqual(['<sip:p1.example.com;lr>']);
    expect(requestTarget([], target)).toEqual({ requestUri: target, routes: [] });
  });
});

describe('DialogSet', () => {
  it('finds dialogs by Call-ID and tags for incoming requests and for responses', () => {
    const set = new DialogSet();
    const uas = createUasDialog(uasPair().invite, uasPair().ok);
    const { invite, ok } = uacPair();
    const uac = createUacDialog(invite, ok);
    set.add(uas);
    set.add(uac);
    expect(set.size).toBe(2);

    const bye = parseRequest(
      sip([
        'BYE sip:ivr@pbx.example.com SIP/2.0',
        'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKbye',
        'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
        'To: <sip:1002@pbx.example.com>;tag=ivr-tag',
        'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
        'CSeq: 7004 BYE',
      ]),
    );
    expect(set.find(bye)).toBe(uas);
    expect(set.find(parseRequest(clientInvite()))).toBeUndefined(); // no To tag: not in a dialog
    expect(set.findForResponse(ok)).toBe(uac);
    const otherTag = responseTo(clientInvite(), 200, 'OK', { toTag: 'another' });
    expect(set.find(parseRequest(clientInvite()))).toBeUndefined();
    expect(set.findForResponse(parseResponse(otherTag))).toBeUndefined();

    expect(set.remove(uas)).toBe(true);
    expect(set.remove(uas)).toBe(false);
    expect(set.find(bye)).toBeUndefined();
    expect(set.size).toBe(1);
    expect([...set.values()]).toEqual([uac]);
  });
});
