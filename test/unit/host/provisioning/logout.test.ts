import { describe, expect, it } from 'vitest';
import type { StoredProvisioning } from '../../../../electron/host/provisioning/documentStore';
import { ProvisioningUnreachableError, type FetchOutcome } from '../../../../electron/host/provisioning/fetchDocument';
import { LogoutUnsupportedError, type LogoutAnswer } from '../../../../electron/host/provisioning/logoutRequest';
import { LOGOUT_GRACE_MS, ProvisioningClient } from '../../../../electron/host/provisioning/provisioningClient';
import { describeDevice } from '../../../../electron/host/bridge/deviceView';
import { ManualClock } from '../../../../electron/sip/clock';
import { DEFAULT_SETTINGS } from '../../../../shared/contracts';
import type { Mac } from '../../../../shared/domain/mac';
import { documentWith, flush, loggedInDocument, MemoryStore } from './support';

const MAC = '02:00:00:00:00:04' as Mac;
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAA';
const URL = `http://127.0.0.1:5170/provisioning/${TOKEN}.json`;
const LOGOUT_URL = `http://127.0.0.1:5170/provisioning/${TOKEN}/logout`;
const IDLE = documentWith('idle-1');
const ALICE = loggedInDocument('alice-1');

type Answer<T> = (url: string) => T | Error | Promise<T>;

/** A client whose server answers are set per test; `stored` is what the disk holds at start. */
function setup(stored: StoredProvisioning | null, manualUrl: string | null = null) {
  const clock = new ManualClock(Date.parse('2025-07-01T09:00:00Z'));
  const store = new MemoryStore(stored);
  const gets: string[] = [];
  const posts: Array<{ url: string; reason: string }> = [];
  let onGet: Answer<FetchOutcome> = () => ({ kind: 'document', document: ALICE, etag: ALICE.etag });
  let onPost: Answer<LogoutAnswer> = () => ({ kind: 'logged-out', document: documentWith('idle-2') });
  const run = async <T>(answer: Answer<T>, url: string): Promise<T> => {
    const outcome = await answer(url);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const client = new ProvisioningClient({
    mac: MAC,
    store,
    manualUrl: () => manualUrl,
    pnpWebSocketUrl: () => 'ws://127.0.0.1:5170/sip',
    startPnp: () => ({ stop: () => undefined }),
    fetchDocument: (url) => {
      gets.push(url);
      return run(onGet, url);
    },
    postLogout: (url, reason) => {
      posts.push({ url, reason });
      return run(onPost, url);
    },
    clock,
  });
  return {
    clock,
    store,
    gets,
    posts,
    client,
    get: (next: Answer<FetchOutcome>) => (onGet = next),
    post: (next: Answer<LogoutAnswer>) => (onPost = next),
  };
}

/** A device that was idle (HD0004) and on which Alice then logged in. */
async function aliceLoggedIn() {
  const context = setup({ url: URL, source: 'pnp', etag: IDLE.etag, document: IDLE, fetchedAt: '2025-07-01T08:00:00.000Z' });
  await context.client.start();
  await flush();
  expect(context.client.state().document?.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
  return context;
}

const unreachable = () => new ProvisioningUnreachableError('Provisioning server unreachable (ECONNREFUSED)');
const hasUser = (entry: StoredProvisioning) => JSON.stringify(entry).includes('Alice');

describe('device-initiated hot-desk logout', () => {
  it('keeps the idle document beside a logged-in user on disk', async () => {
    const { store } = await aliceLoggedIn();
    expect(store.saved?.document?.etag).toBe('alice-1');
    expect(store.saved?.idle?.document.etag).toBe('idle-1');
  });

  it('POSTs the logout beside the document URL and adopts the idle document the PBX answers with', async () => {
    const { client, posts, store } = await aliceLoggedIn();
    const writesBefore = store.history.length;
    expect(await client.logout('user')).toBe('logged-out');
    expect(posts).toEqual([{ url: LOGOUT_URL, reason: 'user' }]);
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'idle-2', error: null });
    expect(client.state().document?.identity).toEqual({ kind: 'pool', name: 'HD0004' });
    // The first write after the Logout key already had no trace of the user.
    const writes = store.history.slice(writesBefore);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.some(hasUser)).toBe(false);
    expect(store.saved).toMatchObject({ etag: 'idle-2' });
    expect(store.saved?.pendingLogout).toBeUndefined();
  });

  it('when the PBX is unreachable: idle at once with the logout pending, the user wiped, finished with backoff', async () => {
    const { client, post, get, clock, store, posts, gets } = await aliceLoggedIn();
    post(unreachable);
    get(unreachable);
    expect(await client.logout('user')).toBe('pending');
    const state = client.state();
    expect(state.pendingLogout).toMatchObject({ reason: 'user', extension: '100', since: '2025-07-01T08:55:00.000Z', poolName: 'HD0004' });
    expect(state.document?.etag).toBe('idle-1'); // the idle document known from before the login
    expect(state.error).toMatch(/unreachable/);
    expect(hasUser(store.saved!)).toBe(false);
    expect(store.saved?.pendingLogout?.extension).toBe('100');
    expect(describeDevice(SUBJECT, DIRECTORY, state)).toMatchObject({
      identity: { kind: 'pool', name: 'HD0004' },
      blf: [],
      session: null,
      provisioning: { logoutPending: true },
    });

    clock.advance(1000);
    await flush();
    expect(gets.length).toBe(2); // the login fetch, then the first retry
    expect(client.state().pendingLogout).not.toBeNull();

    // The PBX is back and still has Alice's session: the retry ends it.
    get(() => ({ kind: 'document', document: ALICE, etag: ALICE.etag }));
    post(() => ({ kind: 'logged-out', document: documentWith('idle-3') }));
    clock.advance(2000);
    await flush();
    expect(posts.map((p) => p.reason)).toEqual(['user', 'user']);
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'idle-3', error: null });
    expect(store.saved?.pendingLogout).toBeUndefined();
  });

  it('a restart keeps the pending logout and finishes it', async () => {
    const first = await aliceLoggedIn();
    first.post(unreachable);
    first.get(unreachable);
    await first.client.logout('auto');
    first.client.stop();

    const second = setup(first.store.saved);
    second.get(() => ({ kind: 'document', document: ALICE, etag: ALICE.etag }));
    await second.client.start();
    expect(second.client.state().pendingLogout?.reason).toBe('auto');
    expect(second.client.state().document?.identity.kind).toBe('pool');
    await flush();
    expect(second.posts).toEqual([{ url: LOGOUT_URL, reason: 'auto' }]);
    expect(second.client.state().pendingLogout).toBeNull();
  });

  it('without a known idle document shows the pool name from the pending logout, with no account', async () => {
    const { client, post, store } = setup({ url: URL, source: 'pnp', etag: ALICE.etag, document: ALICE, fetchedAt: '2025-07-01T08:00:00.000Z' });
    await client.start();
    await flush();
    post(unreachable);
    expect(await client.logout('user')).toBe('pending');
    expect(client.state().document).toBeNull();
    expect(store.saved).toMatchObject({ document: null, etag: null, pendingLogout: { poolName: 'HD0004' } });
    expect(describeDevice(SUBJECT, DIRECTORY, client.state())).toMatchObject({
      identity: { kind: 'pool', name: 'HD0004' },
      options: { location: 'HQ, Building 1, Floor 2, Desk 16' },
      provisioning: { logoutPending: true },
    });
  });

  it('never ends a newer session: another user logged in meanwhile is adopted without a POST', async () => {
    const { client, post, get, clock, posts } = await aliceLoggedIn();
    post(unreachable);
    get(unreachable);
    await client.logout('user');
    const bob = loggedInDocument('bob-1', '101', 'Bob Brown', '2025-07-01T09:00:30.000Z');
    get(() => ({ kind: 'document', document: bob, etag: bob.etag }));
    clock.advance(1000);
    await flush();
    expect(posts).toHaveLength(1);
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'bob-1' });
  });

  it('the admin logged the user out meanwhile: the idle document ends the pending logout', async () => {
    const { client, post, get, clock, posts } = await aliceLoggedIn();
    post(unreachable);
    get(unreachable);
    await client.logout('user');
    get(() => ({ kind: 'document', document: documentWith('idle-9'), etag: 'idle-9' }));
    clock.advance(1000);
    await flush();
    expect(posts).toHaveLength(1);
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'idle-9' });
  });

  it('shows the pending logout when the PBX is slow to answer, then takes its answer', async () => {
    const { client, post, clock } = await aliceLoggedIn();
    let answer: (value: LogoutAnswer) => void = () => undefined;
    post(() => new Promise<LogoutAnswer>((resolve) => (answer = resolve)));
    const outcome = client.logout('user');
    await flush();
    expect(client.state().document?.identity.kind).toBe('user'); // within the grace period nothing flickers
    clock.advance(LOGOUT_GRACE_MS);
    expect(client.state().pendingLogout).not.toBeNull();
    expect(client.state().document?.identity.kind).toBe('pool');
    answer({ kind: 'logged-out', document: documentWith('idle-2') });
    expect(await outcome).toBe('logged-out');
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'idle-2' });
  });

  it('a check-sync fetch under way when the logout starts never brings the user back', async () => {
    const { client, get, post, posts } = await aliceLoggedIn();
    let fetched: (outcome: FetchOutcome) => void = () => undefined;
    get(() => new Promise<FetchOutcome>((resolve) => (fetched = resolve)));
    const resync = client.resync();
    await flush();
    let answered: (answer: LogoutAnswer) => void = () => undefined;
    post(() => new Promise<LogoutAnswer>((resolve) => (answered = resolve)));
    const outcome = client.logout('user');
    await flush();
    answered({ kind: 'logged-out', document: documentWith('idle-2') });
    expect(await outcome).toBe('logged-out');
    fetched({ kind: 'document', document: ALICE, etag: ALICE.etag });
    await resync;
    expect(posts).toHaveLength(1);
    expect(client.state().document?.identity.kind).toBe('pool');
  });

  it('a check-sync during the logout waits for the logout and shows its answer', async () => {
    const { client, get, post, gets } = await aliceLoggedIn();
    let answered: (answer: LogoutAnswer) => void = () => undefined;
    post(() => new Promise<LogoutAnswer>((resolve) => (answered = resolve)));
    const outcome = client.logout('user');
    get(() => ({ kind: 'document', document: ALICE, etag: ALICE.etag }));
    const resync = client.resync();
    await flush();
    answered({ kind: 'logged-out', document: documentWith('idle-2') });
    expect((await resync).etag).toBe('idle-2');
    expect(await outcome).toBe('logged-out');
    expect(gets).toHaveLength(1); // only the login fetch
  });

  it('a provisioning server without logout leaves the session as it was', async () => {
    const { client, post, store } = await aliceLoggedIn();
    post(() => new LogoutUnsupportedError('The provisioning server does not support logout (it answered 405)'));
    expect(await client.logout('user')).toBe('unsupported');
    expect(client.state()).toMatchObject({ pendingLogout: null, etag: 'alice-1' });
    expect(store.saved).toMatchObject({ etag: 'alice-1', idle: { etag: 'idle-1' } });
  });

  it('has nothing to do on an idle device, and cannot log out through a URL of another kind', async () => {
    const idle = setup({ url: URL, source: 'pnp', etag: IDLE.etag, document: IDLE, fetchedAt: '2025-07-01T08:00:00.000Z' });
    idle.get(() => ({ kind: 'not-modified' }));
    await idle.client.start();
    expect(await idle.client.logout('user')).toBe('not-logged-in');
    expect(idle.posts).toHaveLength(0);

    const manual = 'http://10.0.0.9/phones/hd4.json';
    const other = setup({ url: manual, source: 'manual', etag: ALICE.etag, document: ALICE, fetchedAt: '2025-07-01T08:00:00.000Z' }, manual);
    await other.client.start();
    expect(await other.client.logout('user')).toBe('unsupported');
  });

  it('a second press while the logout is under way or pending changes nothing', async () => {
    const { client, post, get, posts } = await aliceLoggedIn();
    post(unreachable);
    get(unreachable);
    const [first, second] = await Promise.all([client.logout('user'), client.logout('user')]);
    expect([first, second]).toEqual(['pending', 'pending']);
    expect(await client.logout('auto')).toBe('pending');
    expect(posts).toHaveLength(1);
  });
});

const SUBJECT = { mac: MAC, settings: { ...DEFAULT_SETTINGS, sipAccount: null }, accountOverride: null, ownDevice: true, remote: false, runningMode: 'demo' as const };
const DIRECTORY = {
  defaultOptions: () => ({ location: 'default', timeZone: 'UTC', timeFormat: '24h' as const, keysPerPage: 6, emergencyNumbers: ['911'] }),
  credentialsFor: () => null,
};
