// Header field names: compact forms (RFC 3261 §7.3.3 and later RFCs), canonical spelling, and which fields are
// comma-separated lists (RFC 3261 §7.3.1) or may appear only once.

const COMPACT_FORMS = new Map<string, string>([
  ['i', 'call-id'],
  ['m', 'contact'],
  ['f', 'from'],
  ['t', 'to'],
  ['v', 'via'],
  ['l', 'content-length'],
  ['c', 'content-type'],
  ['k', 'supported'],
  ['s', 'subject'],
  ['e', 'content-encoding'],
  ['o', 'event'],
  ['r', 'refer-to'],
  ['u', 'allow-events'],
  ['b', 'referred-by'],
  ['a', 'accept-contact'],
  ['j', 'reject-contact'],
  ['d', 'request-disposition'],
  ['x', 'session-expires'],
  ['y', 'identity'],
  ['n', 'identity-info'],
]);

const CANONICAL_NAMES = new Map<string, string>(
  [
    'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
    'Authentication-Info', 'Authorization', 'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition',
    'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Error-Info', 'Event',
    'Expires', 'From', 'History-Info', 'Identity', 'Identity-Info', 'In-Reply-To', 'Max-Forwards', 'MIME-Version',
    'Min-Expires', 'Min-SE', 'Organization', 'P-Asserted-Identity', 'P-Preferred-Identity', 'Path', 'Priority',
    'Privacy', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck', 'Reason', 'Record-Route',
    'Refer-To', 'Referred-By', 'Reject-Contact', 'Replaces', 'Reply-To', 'Request-Disposition', 'Require',
    'Retry-After', 'Route', 'RSeq', 'Server', 'Service-Route', 'Session-Expires', 'SIP-ETag', 'SIP-If-Match',
    'Subject', 'Subscription-State', 'Supported', 'Timestamp', 'To', 'Unsupported', 'User-Agent', 'Via', 'Warning',
    'WWW-Authenticate',
  ].map((name) => [name.toLowerCase(), name]),
);

/** Fields whose grammar is a comma-separated list, so that several values may share one line. */
const LIST_HEADERS = new Set<string>([
  'accept', 'accept-contact', 'accept-encoding', 'accept-language', 'alert-info', 'allow', 'allow-events',
  'call-info', 'contact', 'content-encoding', 'content-language', 'error-info', 'history-info', 'in-reply-to',
  'p-asserted-identity', 'p-preferred-identity', 'path', 'proxy-require', 'reason', 'record-route',
  'reject-contact', 'request-disposition', 'require', 'route', 'service-route', 'supported', 'unsupported', 'via',
  'warning',
]);

/** Fields that must appear at most once in a message (they are not lists). */
export const SINGLE_VALUE_HEADERS: readonly string[] = [
  'to', 'from', 'call-id', 'cseq', 'max-forwards', 'content-length', 'content-type', 'expires', 'date', 'min-expires',
];

/** The lookup key of a header name: lower case, compact forms expanded. */
export function headerKey(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT_FORMS.get(lower) ?? lower;
}

/** The conventional spelling of a known header name (`v` → `Via`, `cseq` → `CSeq`); unknown names are kept. */
export function canonicalHeaderName(name: string): string {
  return CANONICAL_NAMES.get(headerKey(name)) ?? name;
}

export function isListHeader(name: string): boolean {
  return LIST_HEADERS.has(headerKey(name));
}
