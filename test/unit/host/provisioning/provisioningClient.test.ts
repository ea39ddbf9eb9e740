import { describe, expect, it } from 'vitest';
import type { StoredProvisioning } from '../../../../electron/host/provisioning/documentStore';
import { DocumentGoneError, type FetchOutcome } from '../../../../electron/host/provisioning/fetchDocument';
import { PROVISIONING_FAILURE, ProvisioningClient, type ProvisioningState } from '../../../../electron/host/provisioning/provisioningClient';
import { provisioningStatusFromState } from '../../../../electron/host/provisioning/documentView';
import { ManualClock } from '../../../../electron/sip/clock';
import type { Mac } from '../../../../shared/domain/mac';
import { documentWith, flush, MemoryStore } from './support';

const MAC = '02:00:00:00:00:04' as Mac;
const PNP_URL = 'http://127.0.0.1:5170/provisioning/pnp.json';
const MANUAL_URL = 'http://10.0.0.9/provisioning/manual.json';

function setup(options: { stored?: StoredProvisioning; manual?: string | null; pnpUrl?: string | null } = {}) {
  const clock = new ManualClock(Date.parse('2025-07-01T09:00:00Z'));
  const store = new MemoryStore(options.stored ?? null);
  const fetches: Array<{ url: string; etag: string | null }> = [];
  let answer: (url: string) => FetchOutcome | Error | Promise<FetchOutcome> = () => ({ kind: 'document', document: documentWith('etag-1'), etag: 'etag-1' });
  const pnp = { started: 0, stopped: 0, urls: [] as string[], callbacks: null as null | { onUrl(url: string): void; onState(state: { kind: string; reason?: string }): void } };
  let manual = options.manual ?? null;
  let pnpUrl = options.pnpUrl === undefined ? 'ws://127.0.0.1:5170/sip' : options.pnpUrl;
  const client = new ProvisioningClient({
    mac: MAC,
    store,
    manualUrl: () => manual,
    pnpWebSocketUrl: () => pnpUrl,
    startPnp: (_mac, url, callbacks) => {
      pnp.started++;
      pnp.urls.push(url);
      pnp.callbacks = callbacks as never;
      return { stop: () => pnp.stopped++ };
    },
    fetchDocument: async (url, etag) => {
      fetches.push({ url, etag });
      const outcome = await answer(url);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    postLogout: () => Promise.reject(new Error('these tests do not log out (logout.test.ts does)')),
    clock,
  });
  const states: ProvisioningState[] = [];
  client.onChange((state) => states.push(state));
  return {
    clock,
    store,
    fetches,
    pnp,
    client,
    states,
    answer: (next: typeof answer) => (answer = next),
    setManual: (url: string | null) => (manual = url),
    setPnpUrl: (url: string | null) => (pnpUrl = url),
  };
}

describe('ProvisioningClient', () => {
  it('without a document, waits for plug-and-play, then fetches, stores and reports the document', async () => {
    const { client, pnp, fetches, store, states } = setup();
    await client.start();
    expect(pnp.started).toBe(1);
    expect(client.state()).toMatchObject({ status: 'unprovisioned', document: null, error: null });
    pnp.callbacks!.onState({ kind: 'pending' });
    expect(client.state().status).toBe('pending');

    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    expect(fetches).toEqual([{ url: PNP_URL, etag: null }]);
    expect(client.state()).toMatchObject({ status: 'provisioned', url: PNP_URL, source: 'pnp', etag: 'etag-1', error: null });
    expect(client.state().document?.device.poolName).toBe('HD0004');
    expect(store.saved).toMatchObject({ url: PNP_URL, source: 'pnp', etag: 'etag-1', fetchedAt: '2025-07-01T09:00:00.000Z' });
    expect(states.map((state) => state.status)).toEqual(['pending', 'provisioned']);
  });

  it('reports a PnP connection failure for the display', async () => {
    const { client, pnp } = setup();
    await client.start();
    pnp.callbacks!.onState({ kind: 'failed', reason: 'No service: closed (1006)' });
    expect(client.state()).toMatchObject({ status: 'unprovisioned', error: 'No service: closed (1006)' });
  });

  it('without any provisioning server says what to do', async () => {
    const { client, pnp } = setup({ pnpUrl: null });
    await client.start();
    expect(pnp.started).toBe(0);
    expect(client.state().error).toMatch(/enter a provisioning URL/);
  });

  it('resync() re-fetches with If-None-Match and changes nothing on 304', async () => {
    const { client, pnp, fetches, answer, states } = setup();
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    answer(() => ({ kind: 'not-modified' }));
    const before = states.length;
    const state = await client.resync();
    expect(fetches.at(-1)).toEqual({ url: PNP_URL, etag: 'etag-1' });
    expect(state.etag).toBe('etag-1');
    expect(states.length).toBe(before);
  });

  it('resync() adopts a changed document (a user logged in)', async () => {
    const { client, pnp, answer, store } = setup();
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    const loggedIn = documentWith('etag-2', (document) => {
      document.identity = { kind: 'user', extension: '100', name: 'Alice Andrews' };
      document.account.uri = 'sip:100@hotdesk.local';
    });
    answer(() => ({ kind: 'document', document: loggedIn, etag: 'etag-2' }));
    const state = await client.resync();
    expect(state.etag).toBe('etag-2');
    expect(state.document?.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(store.saved?.etag).toBe('etag-2');
  });

  it('keeps the last good document when a fetch fails, shows the error and retries with backoff', async () => {
    const { client, pnp, answer, clock, fetches } = setup();
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    answer(() => new Error('Provisioning server answered 500'));
    const state = await client.resync();
    expect(state).toMatchObject({ status: 'provisioned', etag: 'etag-1', error: 'Provisioning server answered 500' });
    expect(state.document?.etag).toBe('etag-1');
    clock.advance(1000);
    await flush();
    expect(fetches).toHaveLength(3);
    clock.advance(1999);
    await flush();
    expect(fetches).toHaveLength(3);
    answer(() => ({ kind: 'not-modified' }));
    clock.advance(1);
    await flush();
    expect(fetches).toHaveLength(4);
    expect(client.state().error).toBeNull();
  });

  it('goes back to plug-and-play, keeping its document, when the PBX no longer knows its URL', async () => {
    const { client, pnp, answer, clock, fetches } = setup();
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    answer(() => new DocumentGoneError('Provisioning server answered 404'));
    await client.resync();
    expect(pnp.started).toBe(2);
    expect(client.state()).toMatchObject({ status: 'provisioned', url: null, error: 'Provisioning server answered 404' });
    clock.advance(60_000);
    await flush();
    expect(fetches).toHaveLength(2); // no retries of the dead URL
  });

  it('refuses a document for another device', async () => {
    const { client, pnp, answer } = setup();
    answer(() => ({ kind: 'document', document: documentWith('x', (document) => (document.device.mac = '02:00:00:00:00:99')), etag: 'x' }));
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    expect(client.state()).toMatchObject({ status: 'unprovisioned', document: null, url: PNP_URL, error: expect.stringMatching(/another device/) });
  });

  it('uses the document even when it could not be saved, and says so', async () => {
    const { client, pnp, store } = setup();
    store.failSave = true;
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    expect(client.state()).toMatchObject({ status: 'provisioned', error: 'Provisioning document not saved: disk full' });
  });

  it('starts from the stored document without plug-and-play, refreshing it once', async () => {
    const stored: StoredProvisioning = { url: PNP_URL, source: 'pnp', etag: 'etag-1', document: documentWith('etag-1'), fetchedAt: '2025-06-30T09:00:00.000Z' };
    const { client, pnp, fetches, answer } = setup({ stored });
    answer(() => ({ kind: 'not-modified' }));
    await client.start();
    expect(client.state()).toMatchObject({ status: 'provisioned', etag: 'etag-1', source: 'pnp' });
    await flush();
    expect(pnp.started).toBe(0);
    expect(fetches).toEqual([{ url: PNP_URL, etag: 'etag-1' }]);
  });

  it('fetches a manually entered URL instead of plug-and-play, and follows a change of it', async () => {
    const { client, pnp, fetches, setManual, store } = setup({ manual: MANUAL_URL });
    await client.start();
    await flush();
    expect(pnp.started).toBe(0);
    expect(fetches).toEqual([{ url: MANUAL_URL, etag: null }]);
    expect(store.saved?.source).toBe('manual');
    setManual('http://10.0.0.9/provisioning/other.json');
    client.settingsChanged();
    await flush();
    expect(fetches.at(-1)).toEqual({ url: 'http://10.0.0.9/provisioning/other.json', etag: null });
    setManual(null);
    client.settingsChanged();
    expect(pnp.started).toBe(1);
    expect(client.state().status).toBe('provisioned'); // the document stays in use until the PBX's arrives
  });

  it('runs a resync asked for during a fetch once more afterwards', async () => {
    const { client, pnp, fetches } = setup();
    await client.start();
    pnp.callbacks!.onUrl(PNP_URL);
    const first = client.resync();
    const second = client.resync();
    await Promise.all([first, second]);
    expect(fetches.length).toBe(2);
  });

  it('ignores everything after stop()', async () => {
    const { client, pnp, fetches } = setup();
    await client.start();
    client.stop();
    expect(pnp.stopped).toBe(1);
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    expect(client.state().document).toBeNull();
    expect(fetches.length).toBeLessThanOrEqual(1);
  });

  it('tells bridge clients only a fixed summary of a failure, never its details', async () => {
    const { client, pnp, answer, store } = setup();
    await client.start();
    pnp.callbacks!.onState({ kind: 'failed', reason: 'No service: connect ECONNREFUSED 10.1.2.3:5170' });
    expect(provisioningStatusFromState(client.state()).error).toBe(PROVISIONING_FAILURE.pnp);
    answer(() => new Error('Provisioning server unreachable (EHOSTUNREACH 10.9.8.7)'));
    pnp.callbacks!.onUrl(PNP_URL);
    await flush();
    expect(client.state().error).toBe('Provisioning server unreachable (EHOSTUNREACH 10.9.8.7)'); // the host keeps the detail
    const status = provisioningStatusFromState(client.state());
    expect(status.error).toBe(PROVISIONING_FAILURE.fetch);
    expect(JSON.stringify(status)).not.toMatch(/10\.9\.8\.7|EHOSTUNREACH/);
    store.failSave = true;
    answer(() => ({ kind: 'document', document: documentWith('etag-1'), etag: 'etag-1' }));
    await client.resync();
    expect(provisioningStatusFromState(client.state()).error).toBe(PROVISIONING_FAILURE.save);
  });

  describe('when the device joins another PBX', () => {
    it('forgets the old PBX document on disk and in memory and runs plug-and-play at the new PBX', async () => {
      const { client, pnp, store, setPnpUrl, states } = setup();
      await client.start();
      pnp.callbacks!.onUrl(PNP_URL);
      await flush();
      expect(client.state().status).toBe('provisioned');

      setPnpUrl('wss://site-pbx.example:5443/sip');
      await client.pbxChanged();
      expect(store.saved).toBeNull();
      expect(client.state()).toMatchObject({ status: 'unprovisioned', document: null, url: null, source: null, etag: null, pendingLogout: null });
      expect(pnp.urls).toEqual(['ws://127.0.0.1:5170/sip', 'wss://site-pbx.example:5443/sip']);
      expect(states.at(-1)?.document).toBeNull();
    });

    it('stops a plug-and-play still waiting at the old PBX', async () => {
      const { client, pnp, setPnpUrl } = setup();
      await client.start();
      setPnpUrl('ws://10.0.0.2:5180/sip');
      await client.pbxChanged();
      expect([pnp.started, pnp.stopped]).toEqual([2, 1]);
      expect(pnp.urls.at(-1)).toBe('ws://10.0.0.2:5180/sip');
    });

    it('keeps a provisioning URL typed in settings, which is not the PBX\'s to change', async () => {
      const { client, store, pnp } = setup({ manual: MANUAL_URL });
      await client.start();
      await flush();
      await client.pbxChanged();
      expect(client.state()).toMatchObject({ status: 'provisioned', url: MANUAL_URL, source: 'manual' });
      expect(store.saved).not.toBeNull();
      expect(pnp.started).toBe(0);
    });

    it('never adopts the answer of a fetch from the old PBX that was under way', async () => {
      const { client, pnp, setPnpUrl, answer } = setup();
      await client.start();
      let release: (outcome: FetchOutcome) => void = () => {};
      answer(() => new Promise<FetchOutcome>((resolve) => (release = resolve)));
      pnp.callbacks!.onUrl(PNP_URL);
      setPnpUrl('ws://10.0.0.2:5180/sip');
      await client.pbxChanged();
      release({ kind: 'document', document: documentWith('etag-old'), etag: 'etag-old' });
      await flush();
      expect(client.state()).toMatchObject({ status: 'unprovisioned', document: null });
    });
  });
});
