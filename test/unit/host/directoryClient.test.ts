import { describe, expect, it } from 'vitest';
import { DIRECTORY_FAILED, DIRECTORY_REFUSED, searchDirectory, type DirectoryTarget } from '../../../electron/host/directory/directoryClient';

const TARGET: DirectoryTarget = { url: 'http://pbx.test/directory', authUser: '101', credentials: { kind: 'ha1', ha1: 'a'.repeat(32), realm: 'hotdesk.local' } };
const CHALLENGE = 'Digest realm="hotdesk.local", nonce="n1", opaque="o1", algorithm=MD5, qop="auth"';

/** A directory server played by the test: a challenge first, then `answer` to the request that carries credentials. */
function server(answer: () => Response, challenge = CHALLENGE) {
  const seen: Array<{ url: string; authorization: string | null }> = [];
  const fetchImpl = (async (input: URL | string, init?: RequestInit) => {
    const authorization = new Headers(init?.headers).get('authorization');
    seen.push({ url: String(input), authorization });
    return authorization ? answer() : new Response('', { status: 401, headers: { 'WWW-Authenticate': challenge } });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

describe('the device host searching a directory with Digest', () => {
  it('answers the challenge for the request-target with the HA1 it holds', async () => {
    const { fetchImpl, seen } = server(() => Response.json({ entries: [{ number: '102', name: 'Carol Chen' }] }));
    expect(await searchDirectory(TARGET, 'car ol', fetchImpl)).toEqual([{ number: '102', name: 'Carol Chen' }]);
    expect(seen[1]?.url).toBe('http://pbx.test/directory?q=car+ol');
    expect(seen[1]?.authorization).toMatch(/^Digest username="101", realm="hotdesk\.local", nonce="n1", uri="\/directory\?q=car\+ol", algorithm=MD5, qop=auth, nc=00000001, cnonce="[0-9a-f]{16}", response="[0-9a-f]{32}", opaque="o1"$/);
  });

  it('does not answer a challenge for another realm with its HA1', async () => {
    const { fetchImpl, seen } = server(() => Response.json({ entries: [] }), CHALLENGE.replace('hotdesk.local', 'evil.example'));
    await expect(searchDirectory(TARGET, 'a', fetchImpl)).rejects.toThrow(DIRECTORY_REFUSED);
    expect(seen).toHaveLength(1);
  });

  it('refuses what is not a directory answer: too big, not JSON, secrets beside names', async () => {
    for (const answer of [
      () => new Response('x'.repeat(70_000), { status: 200 }),
      () => new Response('<html>', { status: 200 }),
      () => Response.json({ entries: [{ number: '102', name: 'Carol Chen', ha1: 'b'.repeat(32) }] }),
      () => new Response('', { status: 500 }),
    ]) {
      await expect(searchDirectory(TARGET, 'a', server(answer).fetchImpl)).rejects.toThrow(DIRECTORY_FAILED);
    }
    await expect(searchDirectory(TARGET, 'a', server(() => new Response('', { status: 401, headers: { 'WWW-Authenticate': CHALLENGE } })).fetchImpl)).rejects.toThrow(DIRECTORY_REFUSED);
  });
});
