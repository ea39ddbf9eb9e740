import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeError, type BridgeEvent } from '../../../shared/contracts';
import { BridgeHub } from '../../../electron/host/bridge/bridgeHub';
import { CallHistoryStore } from '../../../electron/host/history/callHistoryStore';
import { ValidatedSettingsStore } from '../../../electron/host/settings/settingsStore';
import { AdminPin } from '../../../electron/host/security/adminPin';
import { DEFAULT_DEVICE_OPTIONS } from '../../../shared/contracts';
import type { ProvisioningState } from '../../../electron/host/provisioning';
import type { Mac } from '../../../shared/domain/mac';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { validDocument } from '../pbx/provisioning/fixtures';

/** What plug-and-play would have fetched for the three demo devices; any other MAC is pending. */
function documentFor(mac: Mac): ProvisioningDocument | null {
  const index = ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03'].indexOf(mac) + 1;
  if (index === 0) return null;
  const name = `HD000${index}`;
  const base = validDocument();
  return {
    ...base,
    device: { mac, poolName: name },
    identity: { kind: 'pool', name },
    account: { ...base.account, uri: `sip:${name}@hotdesk.local`, authUser: name, displayName: name },
    options: { ...base.options, location: `Desk ${index}` },
  };
}

class FakeProvisioning {
  readonly acquired: Mac[] = [];
  readonly released: Mac[] = [];
  resyncs = 0;
  readonly logouts: string[] = [];

  acquire(mac: Mac) {
    this.acquired.push(mac);
    const document = documentFor(mac);
    const state: ProvisioningState = {
      mac,
      status: document ? 'provisioned' : 'pending',
      document,
      url: null,
      source: document ? 'pnp' : null,
      etag: document?.etag ?? null,
      error: null,
      errorSummary: null,
      fetchedAt: document ? '2026-01-01T00:00:00.000Z' : null,
      pendingLogout: null,
    };
    return {
      client: {
        state: () => state,
        resync: async () => {
          this.resyncs++;
          return state;
        },
        logout: async (reason: string) => {
          this.logouts.push(reason);
          return 'logged-out' as const;
        },
      },
      release: () => this.released.push(mac),
    };
  }
}

const PAGE = { sipWebSocketUrl: 'ws://127.0.0.1:5170/sip' };

const TEST_PIN_COST = { N: 2 ** 10, r: 8, p: 1 };

function makeHub(store: Record<string, unknown> = {}) {
  const provisioning = new FakeProvisioning();
  const history = new CallHistoryStore(mkdtempSync(path.join(tmpdir(), 'hotdesk-hub-history-')));
  const settings = new ValidatedSettingsStore({ path: 'memory', store });
  const runningMode = settings.get().mode;
  const adminPin = new AdminPin({ storage: settings, mode: runningMode, cost: TEST_PIN_COST });
  const hub = new BridgeHub({
    settings,
    machineMac: 'aa:bb:cc:dd:ee:ff' as Mac,
    runningMode,
    adminPin,
    provisioning,
    history,
    directory: {
      defaultOptions: () => ({ ...DEFAULT_DEVICE_OPTIONS }),
      credentialsFor: (user) =>
        user === '101' || user === 'HD0001'
          ? { uri: `sip:${user}@hotdesk.local`, authUser: user, ha1: 'a'.repeat(32), realm: 'hotdesk.local', displayName: user === '101' ? 'Bob Brown' : user }
          : null,
    },
    appInfo: () => ({ version: '1.2.3', host: 'web', mode: settings.get().mode }),
  });
  return { hub, settings, provisioning, adminPin };
}

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('BridgeHub', () => {
  it('describes the demo kiosk from its provisioning document: HD0001 with its location', async () => {
    const { hub, provisioning } = makeHub();
    const view = await hub.openSession(PAGE).invoke('device.view', []);
    expect(view).toMatchObject({
      mac: '02:00:00:00:00:01',
      identity: { kind: 'pool', name: 'HD0001' },
      options: { location: 'Desk 1', emergencyNumbers: ['911', '112', '999'] },
      blf: [],
      provisioning: { status: 'provisioned', source: 'pnp' },
    });
    expect(provisioning.acquired).toEqual(['02:00:00:00:00:01']);
  });

  it('holds one provisioning client per page while it is open, and re-fetches on resync', async () => {
    const { hub, provisioning } = makeHub();
    const page = hub.openSession(PAGE);
    await page.invoke('device.view', []);
    await page.invoke('phone.account', []);
    expect(provisioning.acquired).toHaveLength(1);
    expect(await page.invoke('provisioning.resync', [])).toMatchObject({ status: 'provisioned' });
    expect(provisioning.resyncs).toBe(1);
    page.close();
    expect(provisioning.released).toEqual(['02:00:00:00:00:01']);
  });

  it("device.logout asks the device's provisioning client; a checked reason only; plain accounts cannot", async () => {
    const { hub, provisioning } = makeHub();
    const page = hub.openSession(PAGE);
    expect(await page.invoke('device.logout', ['user'])).toEqual({ outcome: 'logged-out' });
    expect(await page.invoke('device.logout', ['auto'])).toEqual({ outcome: 'logged-out' });
    expect(provisioning.logouts).toEqual(['user', 'auto']);
    expect((await rejection(page.invoke('device.logout', ['admin']))).code).toBe('bad-request');
    expect((await rejection(page.invoke('device.logout', []))).code).toBe('bad-request');
    const softphone = makeHub({ mode: 'demo' }).hub.openSession({ ...PAGE, accountOverride: '101' });
    expect(await softphone.invoke('device.logout', ['user'])).toEqual({ outcome: 'unsupported' });
  });

  it('redraws only the pages of the device whose provisioning changed', async () => {
    const { hub } = makeHub();
    const kiosk = hub.openSession(PAGE);
    const other = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02' });
    await kiosk.invoke('device.view', []);
    await other.invoke('device.view', []);
    const seen: string[] = [];
    kiosk.onEvent((event) => seen.push(`kiosk ${event.name}`));
    other.onEvent((event) => seen.push(`other ${event.name}`));
    hub.provisioningChanged('02:00:00:00:00:02' as Mac);
    expect(seen).toEqual(['other device.changed']);
  });

  it("lets a page pick its device with ?mac= and reports an unknown MAC as not provisioned", async () => {
    const { hub } = makeHub();
    expect(await hub.openSession({ ...PAGE, macOverride: '02-00-00-00-00-02' }).invoke('device.view', [])).toMatchObject({
      identity: { kind: 'pool', name: 'HD0002' },
    });
    expect(await hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:99' }).invoke('device.view', [])).toMatchObject({
      mac: '02:00:00:00:00:99',
      identity: null,
      provisioning: { status: 'pending' },
    });
  });

  it('refuses a malformed ?mac= with a message naming it', async () => {
    const { hub } = makeHub();
    const error = await rejection(hub.openSession({ ...PAGE, macOverride: 'banana' }).invoke('device.view', []));
    expect(error.code).toBe('bad-request');
    expect(error.message).toContain('banana');
  });

  it('uses the machine MAC outside demo mode', async () => {
    const { hub } = makeHub({ mode: 'external' });
    expect(await hub.openSession(PAGE).invoke('device.view', [])).toMatchObject({ mac: 'aa:bb:cc:dd:ee:ff', identity: null });
  });

  it.each([
    ['nope', [], 'unknown-request'],
    [42, [], 'unknown-request'],
    ['device.view', ['extra'], 'bad-request'],
    ['device.view', 'not-an-array', 'bad-request'],
    ['settings.update', [{ mac: 'x' }], 'bad-request'],
    ['settings.update', [], 'bad-request'],
    ['settings.update', [{ theme: 'purple' }], 'bad-request'],
  ])('rejects %j %j with %s', async (name, args, code) => {
    const { hub, settings } = makeHub();
    const before = settings.get();
    const error = await rejection(hub.openSession(PAGE).invoke(name, args));
    expect(error.code).toBe(code);
    expect(settings.get()).toEqual(before);
  });

  it('hands the phone its HD identity credentials as HA1, never a password', async () => {
    const { hub } = makeHub();
    expect(await hub.openSession(PAGE).invoke('phone.account', [])).toEqual({
      webSocketUrl: 'ws://127.0.0.1:5170/sip',
      uri: 'sip:HD0001@hotdesk.local',
      authUser: 'HD0001',
      displayName: 'HD0001',
      credentials: { kind: 'ha1', ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.local' },
    });
    expect(await hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:99' }).invoke('phone.account', [])).toBeNull();
  });

  it('opens a plain softphone for ?account= in demo mode only', async () => {
    const demo = makeHub().hub;
    expect(await demo.openSession({ ...PAGE, accountOverride: '101' }).invoke('device.view', [])).toMatchObject({
      identity: { kind: 'account', uri: 'sip:101@hotdesk.local', name: 'Bob Brown' },
    });
    expect(await demo.openSession({ ...PAGE, accountOverride: '101' }).invoke('phone.account', [])).toMatchObject({ authUser: '101' });
    expect((await rejection(demo.openSession({ ...PAGE, accountOverride: '999' }).invoke('device.view', []))).code).toBe('not-found');
    const site = makeHub({ mode: 'site' }).hub;
    expect((await rejection(site.openSession({ ...PAGE, accountOverride: '101' }).invoke('phone.account', []))).code).toBe('forbidden');
  });

  it('registers a manual SIP account from settings as a plain softphone (external mode)', async () => {
    const sipAccount = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 's3cret', displayName: 'Desk 7' };
    const { hub } = makeHub({ mode: 'external', sipAccount });
    expect(await hub.openSession(PAGE).invoke('device.view', [])).toMatchObject({ identity: { kind: 'account', uri: 'sip:2001@example.com', name: 'Desk 7' } });
    expect(await hub.openSession(PAGE).invoke('phone.account', [])).toEqual({
      webSocketUrl: 'wss://pbx.example.com/ws',
      uri: 'sip:2001@example.com',
      authUser: '2001',
      displayName: 'Desk 7',
      credentials: { kind: 'password', password: 's3cret' },
    });
  });

  it('pushes settings.changed and device.changed to every session', async () => {
    const { hub } = makeHub();
    const a = hub.openSession(PAGE);
    const b = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:03' });
    const seenA: BridgeEvent[] = [];
    const seenB: BridgeEvent[] = [];
    a.onEvent((event) => seenA.push(event));
    b.onEvent((event) => seenB.push(event));
    await a.invoke('settings.update', [{ mac: '02:00:00:00:00:02' }, { adminPin: '0000' }]);
    expect(seenA.map((event) => event.name)).toEqual(['settings.changed', 'device.changed']);
    expect(seenA[1]).toMatchObject({ payload: { identity: { name: 'HD0002' } } });
    expect(seenB[1]).toMatchObject({ payload: { identity: { name: 'HD0003' } } });
  });

  it('stops sending events to a closed session', async () => {
    const { hub } = makeHub();
    const closed = hub.openSession(PAGE);
    const seen: BridgeEvent[] = [];
    closed.onEvent((event) => seen.push(event));
    closed.close();
    await hub.openSession(PAGE).invoke('settings.update', [{ theme: 'dark' }]);
    expect(seen).toEqual([]);
  });

  it('gives a page from another machine its device view but no credentials, and nothing without ?mac=', async () => {
    const { hub } = makeHub();
    const remote = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02', remote: true });
    expect(await remote.invoke('device.view', [])).toMatchObject({ identity: { kind: 'pool', name: 'HD0002' } });
    expect(await remote.invoke('phone.account', [])).toBeNull();
    expect(await hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02' }).invoke('phone.account', [])).toMatchObject({ authUser: 'HD0002' });
    for (const name of ['device.view', 'phone.account']) {
      expect((await rejection(hub.openSession({ ...PAGE, remote: true }).invoke(name, []))).code).toBe('forbidden');
    }
  });

  it("refuses every settings change from a page of another device, and another device's MAC even with the PIN", async () => {
    const { hub, settings } = makeHub();
    for (const page of [{ macOverride: '02:00:00:00:00:02' }, { accountOverride: '101' }, { macOverride: '02:00:00:00:00:02', remote: true }]) {
      const session = hub.openSession({ ...PAGE, ...page });
      expect((await rejection(session.invoke('settings.update', [{ theme: 'dark' }]))).code).toBe('forbidden');
      expect((await rejection(session.invoke('settings.update', [{ mac: '02:00:00:00:00:03' }, { adminPin: '0000' }]))).code).toBe('forbidden');
    }
    expect(settings.get()).toMatchObject({ theme: 'system', mac: null });
  });

  it('needs the admin PIN for mode, MAC, SIP account, provisioning URL, site PBX and kiosk exit, not for the theme', async () => {
    const { hub, settings } = makeHub();
    const kiosk = hub.openSession(PAGE);
    const account = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 's3cret-pw' };
    for (const patch of [{ mode: 'site' }, { mac: '02:00:00:00:00:02' }, { sipAccount: account }, { provisioningUrl: 'https://p.example/x' }, { sitePbxUrl: 'wss://pbx.example:5443/sip' }, { kiosk: true }]) {
      const error = await rejection(kiosk.invoke('settings.update', [patch]));
      expect([error.code, error.message]).toEqual(['unauthorized', 'This change needs the admin PIN']);
      expect((await rejection(kiosk.invoke('settings.update', [patch, { adminPin: '9999' }]))).message).toBe('Wrong admin PIN');
      await kiosk.invoke('settings.update', [patch, { adminPin: '0000' }]);
    }
    expect(settings.get()).toMatchObject({ mode: 'site', mac: '02:00:00:00:00:02', provisioningUrl: 'https://p.example/x', sitePbxUrl: 'wss://pbx.example:5443/sip', kiosk: true });
    expect(await kiosk.invoke('settings.update', [{ theme: 'dark' }])).toMatchObject({ theme: 'dark' });
  });

  it('never returns the manual password from settings.get, settings.update or settings.changed', async () => {
    const account = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 's3cret-pw', displayName: '' };
    const { hub } = makeHub({ sipAccount: account });
    const kiosk = hub.openSession(PAGE);
    const events: BridgeEvent[] = [];
    kiosk.onEvent((event) => events.push(event));
    const answers = [await kiosk.invoke('settings.get', []), await kiosk.invoke('settings.update', [{ theme: 'dark' }])];
    expect(answers[0]).toMatchObject({ sipAccount: { uri: 'sip:2001@example.com', hasPassword: true } });
    expect(JSON.stringify([answers, events])).not.toContain('s3cret-pw');
  });

  it("uses the kiosk's manual account for the kiosk only: another MAC's page keeps its provisioned identity", async () => {
    const sipAccount = { webSocketUrl: 'wss://attacker.example/ws', uri: 'sip:evil@attacker.example', authUser: 'evil', password: 'x', displayName: '' };
    const { hub } = makeHub({ sipAccount });
    expect(await hub.openSession(PAGE).invoke('phone.account', [])).toMatchObject({ uri: 'sip:evil@attacker.example' });
    const desk = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02' });
    expect(await desk.invoke('phone.account', [])).toMatchObject({ uri: 'sip:HD0002@hotdesk.local' });
    expect(await desk.invoke('device.view', [])).toMatchObject({ identity: { kind: 'pool', name: 'HD0002' } });
  });

  it('follows the mode the host was started in: a demo mode saved on a site host opens no ?account= page', async () => {
    const { hub, settings } = makeHub({ mode: 'site' });
    settings.update({ mode: 'demo' });
    expect((await rejection(hub.openSession({ ...PAGE, accountOverride: '101' }).invoke('phone.account', []))).code).toBe('forbidden');
  });

  it('settings.unlock checks the admin PIN for the kiosk page only; other pages cannot guess at it', async () => {
    const { hub } = makeHub();
    const kiosk = hub.openSession(PAGE);
    expect(await kiosk.invoke('settings.unlock', [{ adminPin: '0000' }])).toEqual({ unlocked: true });
    expect(await rejection(kiosk.invoke('settings.unlock', [{ adminPin: '1234' }]))).toMatchObject({ code: 'unauthorized', message: 'Wrong admin PIN' });
    expect((await rejection(kiosk.invoke('settings.unlock', [{}]))).code).toBe('bad-request');
    const other = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02' });
    expect((await rejection(other.invoke('settings.unlock', [{ adminPin: '0000' }]))).code).toBe('forbidden');
  });

  it('takes ringer, volumes, language and time format without the PIN, and names the field of a bad value', async () => {
    const { hub, settings } = makeHub();
    const kiosk = hub.openSession(PAGE);
    expect(settings.view()).toMatchObject({ ringerDeviceId: null, ringVolume: 80, callVolume: 100, language: 'en-US', timeFormat: null, sitePbxUrl: null });
    const patch = { ringerDeviceId: 'ringer-1', ringVolume: 35, callVolume: 60, language: 'de-DE', timeFormat: '12h' };
    expect(await kiosk.invoke('settings.update', [patch])).toMatchObject(patch);
    for (const [bad, reason] of [
      [{ ringVolume: 101 }, /ringVolume: must be 0 to 100/],
      [{ callVolume: 12.5 }, /callVolume: must be a whole number/],
      [{ language: 'Deutsch' }, /language: must be a language tag/],
      [{ timeFormat: '13h' }, /timeFormat/],
    ] as const) {
      const error = await rejection(kiosk.invoke('settings.update', [bad]));
      expect([error.code, error.message]).toEqual(['bad-request', expect.stringMatching(reason)]);
    }
    expect(settings.view()).toMatchObject(patch);
  });

  it("keeps each device's history for its identity, and never hands it to a page from another machine", async () => {
    const { hub } = makeHub();
    const kiosk = hub.openSession(PAGE);
    const sameDevice = hub.openSession(PAGE);
    const events: unknown[] = [];
    sameDevice.onEvent((event) => events.push(event));
    await kiosk.invoke('device.view', []);
    const changed = await kiosk.invoke('history.change', ['pool:HD0001', { kind: 'dialled', number: '911' }]);
    expect(changed).toMatchObject({ identity: 'pool:HD0001', history: { redialNumber: '911' } });
    expect(events).toEqual([{ name: 'history.changed', payload: changed }]);
    expect(await hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:02' }).invoke('history.get', [])).toMatchObject({ identity: 'pool:HD0002', history: { redialNumber: null } });
    const remote = hub.openSession({ ...PAGE, macOverride: '02:00:00:00:00:01', remote: true });
    expect((await rejection(remote.invoke('history.get', []))).code).toBe('forbidden');
    expect((await rejection(remote.invoke('history.change', ['pool:HD0001', { kind: 'seen' }]))).code).toBe('forbidden');
    expect(await remote.invoke('directory.search', ['a'])).toEqual({ status: 'unavailable' });
  });
});
