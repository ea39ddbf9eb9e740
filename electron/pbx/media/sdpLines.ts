/**
 * A session description as lines grouped into the session part and one block per `m=` section (RFC 8866 §5), enough
 * to rewrite codec lists and candidates without a full SDP model. Serialises with CRLF as RFC 8866 requires.
 */
export interface SdpSections {
  session: string[];
  media: string[][];
}

export function splitSdp(sdp: string): SdpSections {
  const lines = sdp.split(/\r?\n/).filter((line) => line !== '');
  const session: string[] = [];
  const media: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('m=')) media.push([line]);
    else if (media.length > 0) media[media.length - 1]?.push(line);
    else session.push(line);
  }
  return { session, media };
}

export function joinSdp({ session, media }: SdpSections): string {
  return `${[...session, ...media.flat()].join('\r\n')}\r\n`;
}

export interface MediaLine {
  kind: string;
  port: number;
  protocol: string;
  formats: string[];
}

export function parseMediaLine(line: string): MediaLine {
  const [kind = '', port = '0', protocol = '', ...formats] = line.slice(2).trim().split(/\s+/);
  return { kind, port: Number.parseInt(port, 10), protocol, formats };
}

export function formatMediaLine({ kind, port, protocol, formats }: MediaLine): string {
  return `m=${[kind, String(port), protocol, ...formats].join(' ')}`;
}

export interface RtpMap {
  payloadType: string;
  encoding: string;
  clockRate: number;
}

/** The `a=rtpmap` lines of one media section. */
export function rtpMaps(section: readonly string[]): RtpMap[] {
  const maps: RtpMap[] = [];
  for (const line of section) {
    const match = /^a=rtpmap:(\d+)\s+([^/\s]+)\/(\d+)/.exec(line);
    if (match) maps.push({ payloadType: match[1] ?? '', encoding: match[2] ?? '', clockRate: Number(match[3]) });
  }
  return maps;
}

/** Removes payload types from a media section: from the m= line and their rtpmap, fmtp and rtcp-fb attributes. */
export function removePayloadTypes(section: readonly string[], payloadTypes: ReadonlySet<string>): string[] {
  const [mLine = '', ...attributes] = section;
  const media = parseMediaLine(mLine);
  const kept = attributes.filter((line) => {
    const match = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+|\*)\s/.exec(line);
    return !(match && payloadTypes.has(match[1] ?? ''));
  });
  return [formatMediaLine({ ...media, formats: media.formats.filter((format) => !payloadTypes.has(format)) }), ...kept];
}
