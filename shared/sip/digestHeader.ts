// Shared by the PBX (which challenges) and the device host (which answers its directory's challenge).
/** The parameters of a `Digest` Authorization / Proxy-Authorization value (RFC 2617 §3.2.2, RFC 3261 §22.4). */
export type DigestParams = Map<string, string>;

/** Parses `Digest a=b, c="d, e"`; undefined when it is not a well-formed Digest credential. */
export function parseDigestCredentials(value: string): DigestParams | undefined {
  const match = /^\s*Digest\s+/i.exec(value);
  if (!match) return undefined;
  const params: DigestParams = new Map();
  let rest = value.slice(match[0].length);
  while (rest.length > 0) {
    const pair = /^\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/.exec(rest);
    if (!pair) return undefined;
    const name = (pair[1] as string).toLowerCase();
    if (params.has(name)) return undefined;
    params.set(name, pair[2] !== undefined ? pair[2].replace(/\\(.)/g, '$1') : (pair[3] as string));
    rest = rest.slice(pair[0].length);
  }
  return params;
}

export function formatDigestChallenge(fields: { realm: string; nonce: string; opaque: string; stale: boolean }): string {
  const stale = fields.stale ? ', stale=true' : '';
  return `Digest realm="${fields.realm}", nonce="${fields.nonce}", opaque="${fields.opaque}", algorithm=MD5, qop="auth"${stale}`;
}
