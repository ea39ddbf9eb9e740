// Hand-built messages shaped like what JsSIP sends over a WebSocket (RFC 7118).
export const REGISTER = [
  'REGISTER sip:pbx.example.com SIP/2.0',
  'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK5506712',
  'Max-Forwards: 69',
  'To: <sip:1001@pbx.example.com>',
  'From: "Desk 12" <sip:1001@pbx.example.com>;tag=8q1hbcrpd2',
  'Call-ID: 0kf5k5jtnkoq1f1lakh3ia',
  'CSeq: 1 REGISTER',
  'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws>;+sip.ice;reg-id=1;+sip.instance="<urn:uuid:4b3c1e0e-49a5-4f27-9a0b-3a0b9e3f5a10>";expires=600',
  'Expires: 600',
  'Allow: INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY',
  'Supported: path,gruu,outbound',
  'User-Agent: JsSIP 3.13.8',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

export const INVITE_BODY = ['v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 0 101', ''].join('\r\n');

export const INVITE = [
  'INVITE sip:1002@pbx.example.com SIP/2.0',
  'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK9201331;rport',
  'Max-Forwards: 69',
  'To: <sip:1002@pbx.example.com>',
  'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
  'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
  'CSeq: 7003 INVITE',
  'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws;ob>',
  'Content-Type: application/sdp',
  'Session-Expires: 90',
  'Allow: INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY',
  'Supported: timer,ice,replaces,outbound',
  'User-Agent: JsSIP 3.13.8',
  `Content-Length: ${Buffer.byteLength(INVITE_BODY)}`,
  '',
  INVITE_BODY,
].join('\r\n');

export const OK_RESPONSE = [
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK5506712;received=192.0.2.44',
  'To: <sip:1001@pbx.example.com>;tag=as5c2e3f1',
  'From: "Desk 12" <sip:1001@pbx.example.com>;tag=8q1hbcrpd2',
  'Call-ID: 0kf5k5jtnkoq1f1lakh3ia',
  'CSeq: 1 REGISTER',
  'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws>;expires=600',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

/** `message` with the header line starting with `name:` replaced by `line` (or removed if `line` is undefined). */
export function withHeader(message: string, name: string, line: string | undefined): string {
  const lines = message.split('\r\n');
  const index = lines.findIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (index < 0) throw new Error(`no ${name} line`);
  if (line === undefined) lines.splice(index, 1);
  else lines[index] = line;
  return lines.join('\r\n');
}
