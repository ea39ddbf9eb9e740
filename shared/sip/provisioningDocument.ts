import { z } from 'zod';
import { autoLogoutSchema, hotDeskOptionsSchema } from '../contracts/deviceOptions';
import { describeIssues } from '../contracts/errors';
import { blfPositionSchema } from './blfPosition';
import { POOL_NAME } from '../domain/poolName';

/**
 * The provisioning document the PBX serves each device at its unguessable URL (README, "Provisioning and the admin
 * API"): who the device is, the SIP account it registers with, its BLF positions and its Options. The device validates every fetch
 * with this schema and keeps the last good document when a fetch is bad.
 */

/** Bumped when a field changes meaning or a required field is added; a device refuses versions it does not know. */
export const PROVISIONING_DOCUMENT_VERSION = 1;

const CANONICAL_MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const EXTENSION = /^[0-9]{1,10}$/;
/** `ws[s]://host[:port][/path]`, host a name, IPv4 or a bracketed IPv6 literal (shared code has no URL class). */
const WEB_SOCKET_URL = /^(wss?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(\/[^\s?#]*)?$/;
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/;

export const webSocketUrlSchema = z.string().regex(WEB_SOCKET_URL, 'must be a ws:// or wss:// URL');

/** HA1 + realm (the embedded PBX: the password never leaves it) or a password (external PBXs); never both. */
export const provisionedCredentialsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ha1'), ha1: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hex digits'), realm: z.string().min(1) }),
  z.strictObject({ kind: z.literal('password'), password: z.string().min(1).max(256) }),
]);
export type ProvisionedCredentials = z.infer<typeof provisionedCredentialsSchema>;

export const sipAccountDocumentSchema = z.strictObject({
  /** Where to open the SIP WebSocket, in order of preference; the SBC's when one is set. */
  webSocketUrls: z.array(webSocketUrlSchema).min(1).max(4),
  uri: z.string().regex(/^sips?:[^\s@:;]+@[^\s@]+$/, 'must be a SIP URI like sip:HD0001@hotdesk.local'),
  authUser: z.string().min(1).max(128),
  displayName: z.string().max(128),
  credentials: provisionedCredentialsSchema,
});
export type SipAccountDocument = z.infer<typeof sipAccountDocumentSchema>;

/** The SBC (its IP address or name, and port) a remote device reaches the PBX through. */
export const sbcSchema = z.strictObject({
  host: z.string().regex(HOST, 'must be a host name or IP address'),
  port: z.number().int().min(1).max(65535),
});
export type Sbc = z.infer<typeof sbcSchema>;

/** Idle: the pool identity `HDXXXX`. Logged in: the user's extension and name. */
export const provisionedIdentitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pool'), name: z.string().regex(POOL_NAME, 'must be a pool name like HD0001') }),
  z.strictObject({ kind: z.literal('user'), extension: z.string().regex(EXTENSION, 'must be an extension number'), name: z.string().max(128) }),
]);
export type ProvisionedIdentity = z.infer<typeof provisionedIdentitySchema>;

export { blfPositionSchema };

/**
 * The device's Options as the document carries them: all but the dispatchable location (the PBX keeps it and puts it
 * in emergency calls), and a timer the device does not know is refused.
 */
export const provisionedOptionsSchema = hotDeskOptionsSchema.omit({ dispatchableLocation: true }).extend({ autoLogout: z.strictObject(autoLogoutSchema.shape) });
export type ProvisionedOptions = z.infer<typeof provisionedOptionsSchema>;

const documentFields = z.strictObject({
  version: z.literal(PROVISIONING_DOCUMENT_VERSION),
  /** Hash of everything but `etag` and `generatedAt`; also the HTTP ETag the document is served with. */
  etag: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be an opaque token'),
  /** When this content was first generated (ISO 8601, UTC). */
  generatedAt: z.iso.datetime(),
  device: z.strictObject({
    mac: z.string().regex(CANONICAL_MAC, 'must be a MAC like 02:00:00:00:00:01'),
    poolName: z.string().regex(POOL_NAME, 'must be a pool name like HD0001'),
  }),
  identity: provisionedIdentitySchema,
  account: sipAccountDocumentSchema,
  sbc: sbcSchema.nullable(),
  blf: z.array(blfPositionSchema).max(200),
  options: provisionedOptionsSchema,
  /** The logged-in user's session (absent while idle): when the login happened, for the max-session timer. */
  session: z.strictObject({ since: z.iso.datetime() }).optional(),
});

export const provisioningDocumentSchema = documentFields.superRefine((document, context) => {
  if (document.identity.kind === 'pool' && document.identity.name !== document.device.poolName) {
    context.addIssue({ code: 'custom', path: ['identity', 'name'], message: `an idle device is its own pool identity ${document.device.poolName}` });
  }
  if (document.session !== undefined && document.identity.kind === 'pool') {
    context.addIssue({ code: 'custom', path: ['session'], message: 'an idle device has no session' });
  }
  const identityUser = document.identity.kind === 'pool' ? document.identity.name : document.identity.extension;
  if (uriUser(document.account.uri) !== identityUser) {
    context.addIssue({ code: 'custom', path: ['account', 'uri'], message: `must be the SIP URI of ${identityUser}` });
  }
  const sbc = document.sbc;
  if (sbc === null) return;
  document.account.webSocketUrls.forEach((url, index) => {
    const target = webSocketTarget(url);
    if (target === null || target.host.toLowerCase() !== sbc.host.toLowerCase() || target.port !== sbc.port) {
      context.addIssue({ code: 'custom', path: ['account', 'webSocketUrls', index], message: `must point at the SBC ${sbc.host}:${sbc.port}` });
    }
  });
});
export type ProvisioningDocument = z.infer<typeof provisioningDocumentSchema>;
/** A document before the PBX has stamped it. */
export type ProvisioningContent = Omit<ProvisioningDocument, 'etag' | 'generatedAt'>;

export type DocumentCheck = { ok: true; document: ProvisioningDocument } | { ok: false; error: string };

/** Validates a fetched document; the error names the first problem (`account.uri: must be ...`). */
export function checkProvisioningDocument(input: unknown): DocumentCheck {
  const parsed = provisioningDocumentSchema.safeParse(input);
  return parsed.success ? { ok: true, document: parsed.data } : { ok: false, error: describeIssues('Invalid provisioning document', parsed.error) };
}

/** Host and port a ws:// or wss:// URL connects to (default ports 80 / 443), or null if it is not one. */
export function webSocketTarget(url: string): { secure: boolean; host: string; port: number } | null {
  const match = WEB_SOCKET_URL.exec(url);
  if (!match) return null;
  const secure = match[1] === 'wss';
  return { secure, host: match[2] as string, port: match[3] === undefined ? (secure ? 443 : 80) : Number(match[3]) };
}

function uriUser(uri: string): string {
  const colon = uri.indexOf(':');
  return uri.slice(colon + 1, uri.indexOf('@'));
}
