import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BridgeError, directoryEntrySchema, type DirectoryEntry, type PhoneAccount } from '../../../shared/contracts';
import { parseDigestCredentials } from '../../../shared/sip/digestHeader';
import { readLimited } from '../provisioning/fetchDocument';

/** Where the device searches and as whom: the URL of its phone system's directory and its current SIP account. */
export interface DirectoryTarget {
  readonly url: string;
  readonly authUser: string;
  readonly credentials: PhoneAccount['credentials'];
}

const answerSchema = z.object({ entries: z.array(directoryEntrySchema).max(50) });
const TIMEOUT_MS = 5_000;
/** Fifty names and numbers fit many times over; a server sending more is not read further. */
const MAX_ANSWER_BYTES = 64 * 1024;
export const DIRECTORY_FAILED = 'The directory did not answer — try again';
export const DIRECTORY_REFUSED = 'The phone system refused this phone’s credentials for the directory';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Searches the directory as the device's SIP user: a first GET earns the Digest challenge (RFC 7616, MD5, qop=auth),
 * the second answers it with the HA1 the device holds (or one made from its password). A challenge for another realm
 * is not answered. Rejects with a BridgeError whose message is fit for the display.
 */
export async function searchDirectory(target: DirectoryTarget, query: string, fetchImpl: typeof fetch = fetch): Promise<DirectoryEntry[]> {
  const url = new URL(target.url);
  url.searchParams.set('q', query);
  const first = await request(fetchImpl, url, undefined);
  const challenge = first.status === 401 ? parseDigestCredentials(first.headers.get('www-authenticate') ?? '') : undefined;
  const ha1 = challenge ? ha1For(target, challenge.get('realm') ?? '') : null;
  if (!challenge || ha1 === null || challenge.get('nonce') === undefined) throw new BridgeError('unauthorized', DIRECTORY_REFUSED);
  const answered = await request(fetchImpl, url, digestAuthorization(target.authUser, ha1, challenge, `${url.pathname}${url.search}`));
  if (answered.status === 401 || answered.status === 403) throw new BridgeError('unauthorized', DIRECTORY_REFUSED);
  if (answered.status !== 200) throw new BridgeError('internal', DIRECTORY_FAILED);
  const text = await readLimited(answered, MAX_ANSWER_BYTES, 'Directory answer').catch(() => null);
  const parsed = answerSchema.safeParse(text === null ? null : parseJson(text));
  if (!parsed.success) throw new BridgeError('internal', DIRECTORY_FAILED);
  return parsed.data.entries;
}

async function request(fetchImpl: typeof fetch, url: URL, authorization: string | undefined): Promise<Response> {
  try {
    return await fetchImpl(url, {
      headers: authorization ? { authorization, accept: 'application/json' } : { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new BridgeError('internal', DIRECTORY_FAILED);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function ha1For(target: DirectoryTarget, realm: string): string | null {
  const { credentials } = target;
  if (credentials.kind === 'ha1') return credentials.realm === realm ? credentials.ha1 : null;
  return realm ? md5(`${target.authUser}:${realm}:${credentials.password}`) : null;
}

/** The Authorization of a GET for `uri` (the request-target) under `challenge`. */
export function digestAuthorization(user: string, ha1: string, challenge: Map<string, string>, uri: string): string {
  const realm = challenge.get('realm') ?? '';
  const nonce = challenge.get('nonce') ?? '';
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${md5(`GET:${uri}`)}`);
  const opaque = challenge.get('opaque');
  const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  const fields = [
    `username=${quoted(user)}`,
    `realm=${quoted(realm)}`,
    `nonce=${quoted(nonce)}`,
    `uri=${quoted(uri)}`,
    'algorithm=MD5',
    'qop=auth',
    `nc=${nc}`,
    `cnonce=${quoted(cnonce)}`,
    `response=${quoted(response)}`,
    ...(opaque !== undefined ? [`opaque=${quoted(opaque)}`] : []),
  ];
  return `Digest ${fields.join(', ')}`;
}
