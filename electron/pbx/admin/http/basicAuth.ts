/** Parses `Authorization: Basic base64(user:password)` (RFC 7617); null when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | null {
  if (!header) return null;
  const match = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header);
  if (!match?.[1] || match[1].length > 1024) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export const BASIC_CHALLENGE = 'Basic realm="Hotdesk"';
