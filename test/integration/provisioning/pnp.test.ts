import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAndRegister, stopUa, type Ua } from '../support/jssipNode';
import type { ProvisioningState } from '../../../electron/host/provisioning/provisioningClient';
import type { Mac } from '../../../shared/domain/mac';
import { CHECK_SYNC_EVENT } from '../../../shared/sip/plugAndPlay';
import { checkProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { createUaFromDocument, nextSipEvent, onSipEvent } from './support/documentUa';
import { startProvisioningRig, type ProvisioningRig } from './support/provisioningRig';
import { signedFetch } from '../../unit/pbx/provisioning/fixtures';

const MAC = '02:00:00:00:00:44' as Mac;
const OPTIONS = { location: 'HQ, Building 1, Floor 2, Desk 16', timeZone: 'UTC', timeFormat: '24h' as const, keysPerPage: 6, emergencyNumbers: ['911'] };

let rig: ProvisioningRig;
const uas: Ua[] = [];

beforeAll(async () => {
  rig = await startProvisioningRig();
  rig.directory.addDevice({ name: 'HD0004', mac: MAC, options: OPTIONS, sbc: null, publicKey: null });
  rig.directory.addDevice({ name: 'HD0005', mac: '02:00:00:00:00:55' as Mac, options: OPTIONS, sbc: { host: 'sbc.example.com', port: 8443 }, publicKey: rig.deviceKey.publicKey });
});
afterEach(async () => {
  await Promise.all(uas.splice(0).map(stopUa));
});
afterAll(async () => {
  await rig.stop();
});

function ua(document: Parameters<typeof createUaFromDocument>[0]): Ua {
  const created = createUaFromDocument(document);
  uas.push(created);
  return created;
}

describe('provisioning: plug-and-play, HTTP documents and check-sync against the real SIP stack', () => {
  it('PnP SUBSCRIBE → pending → assign → NOTIFY with the URL → fetch → registers as HD0004; check-sync → re-registers as the new identity', async () => {
    const { client } = rig.clients.acquire(MAC);
    const changes: ProvisioningState[] = [];
    client.onChange((state) => changes.push(state));

    // The unknown device subscribes and is listed under Phones.
    await vi.waitFor(() => expect(client.state().status).toBe('pending'));
    const pending = rig.directory.pending.get(MAC);
    expect(pending).toMatchObject({ mac: MAC, vendor: 'Hotdesk', model: 'Kiosk', firmware: '0.1.0', userAgent: 'Hotdesk-Kiosk/0.1.0', publicKey: rig.deviceKey.publicKey });
    expect(rig.uaProfile.subscribedMacs()).toEqual([MAC]);

    // The admin assigns it: the waiting subscription gets the URL, the client fetches and validates the document.
    expect(rig.assign(MAC, 'HD0004')).toBe(1);
    await vi.waitFor(() => expect(client.state().status).toBe('provisioned'));
    const first = client.state();
    expect(first.url).toBe(rig.provisioning.urlFor('HD0004'));
    expect(first.error).toBeNull();
    const document = first.document!;
    expect(checkProvisioningDocument(document).ok).toBe(true);
    expect(document).toMatchObject({
      device: { mac: MAC, poolName: 'HD0004' },
      identity: { kind: 'pool', name: 'HD0004' },
      account: { webSocketUrls: [rig.wsUrl], uri: 'sip:HD0004@hotdesk.local', authUser: 'HD0004', credentials: { kind: 'ha1', realm: 'hotdesk.local' } },
      options: { location: OPTIONS.location },
    });
    expect(rig.uaProfile.subscribedMacs()).toEqual([]); // the device let go of its subscription

    // A JsSIP UA registers with the document's credentials (HA1 + realm).
    const pool = ua(document);
    expect(await startAndRegister(pool)).toEqual({ registered: true });
    expect(rig.sip.bindingsOf('HD0004')).toHaveLength(1);

    // The device's document changes (a user logs in); check-sync reaches the registered UA, which has the client re-fetch.
    rig.directory.identities.set('HD0004', {
      kind: 'user',
      extension: '100',
      name: 'Alice Andrews',
      blf: [{ type: 'blf', extension: '101', label: 'Bob Brown' }, null, { type: 'speed-dial', number: '0', label: 'Reception' }],
    });
    const resynced = new Promise<ProvisioningState>((resolve) => onSipEvent(pool, CHECK_SYNC_EVENT, () => void client.resync().then(resolve)));
    const outcomes = await rig.checkSync.send('HD0004');
    expect(outcomes).toEqual([{ aor: 'HD0004', contact: expect.stringMatching(/\.invalid;transport=ws$/), status: 200 }]);
    const second = await resynced;
    expect(second.etag).not.toBe(first.etag);
    expect(second.document?.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(second.document?.blf).toHaveLength(3);
    expect(second.document?.options.location).toBe(OPTIONS.location); // device Options, not the user's

    // Re-register as the new identity without restarting anything.
    await stopUa(pool);
    const user = ua(second.document!);
    expect(await startAndRegister(user)).toEqual({ registered: true });
    expect(rig.sip.bindingsOf('100')).toHaveLength(1);
    expect(rig.sip.bindingsOf('HD0004')).toEqual([]);

    // Logging out again: check-sync reaches the device registered as 100, and it is HD0004 once more.
    rig.directory.identities.delete('HD0004');
    const event = nextSipEvent(user);
    expect((await rig.checkSync.send('HD0004')).map((outcome) => ('status' in outcome ? outcome.status : outcome.error))).toEqual([200]);
    expect(await event).toBe('check-sync');
    const third = await client.resync();
    expect(third.document?.identity).toEqual({ kind: 'pool', name: 'HD0004' });
    expect(third.etag).toBe(first.etag);
    expect(changes.map((state) => state.status)).toEqual(['pending', 'provisioned', 'provisioned', 'provisioned']);
  });

  it('a re-fetch of an unchanged document is a 304 that changes nothing', async () => {
    const client = rig.clients.get(MAC)!;
    const before = client.state();
    const after = await client.resync();
    expect(after).toEqual(before);
  });

  it('keeps the last good document and shows the error when a fetch fails', async () => {
    const client = rig.clients.get(MAC)!;
    const good = client.state();
    rig.directory.identities.set('HD0004', { kind: 'user', extension: '999', name: 'Nobody', blf: [] }); // no SIP account: 500
    const failed = await client.resync();
    expect(failed.document).toEqual(good.document);
    expect(failed.error).toBe('Provisioning server answered 500');
    expect(String(rig.errors.at(-1))).toMatch(/no SIP account for 999/);
    rig.directory.identities.delete('HD0004');
    await vi.waitFor(() => expect(client.state().error).toBeNull(), { timeout: 5000 });
  });

  it("gives a device behind an SBC the SBC's WebSocket URL", async () => {
    const document = await (await signedFetch(rig.provisioning.urlFor('HD0005')!, {}, rig.deviceKey)).json();
    expect(checkProvisioningDocument(document).ok).toBe(true);
    expect(document.account.webSocketUrls).toEqual(['wss://sbc.example.com:8443/sip']);
    expect(document.sbc).toEqual({ host: 'sbc.example.com', port: 8443 });
  });

  it('answers an unknown token with a bare 401 without a device proof, 403 with one', async () => {
    const url = `${rig.origin}/provisioning/${'x'.repeat(43)}.json`;
    expect((await fetch(url)).status).toBe(401);
    expect((await signedFetch(url, {}, rig.deviceKey)).status).toBe(403);
  });
});
