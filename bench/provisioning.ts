/**
 * Provisioning latency on loopback, with the real SIP stack, ua-profile notifier, provisioning HTTP, the device host's
 * provisioning client (PnP SUBSCRIBE over a SIP WebSocket, fetch, validate, atomic store) and a JsSIP UA in Node:
 *   (a) from the admin's assign call to the device having fetched its document and registered as HDXXXX;
 *   (b) from a check-sync to the device re-registered as the identity of its new document.
 *
 *   npx tsx bench/provisioning.ts [runs=20]
 */
import { startAndRegister, stopUa, type Ua } from '../test/integration/support/jssipNode';
import { createUaFromDocument, onSipEvent } from '../test/integration/provisioning/support/documentUa';
import { startProvisioningRig } from '../test/integration/provisioning/support/provisioningRig';
import type { ProvisioningState } from '../electron/host/provisioning/provisioningClient';
import type { Mac } from '../shared/domain/mac';
import { CHECK_SYNC_EVENT } from '../shared/sip/plugAndPlay';
import { summarise } from './support/stats';
import { untilState } from '../test/integration/provisioning/support/untilState';

const runs = Number(process.argv[2] ?? 20);
const OPTIONS = { location: 'Bench desk', timeZone: 'UTC', timeFormat: '24h' as const, keysPerPage: 6, emergencyNumbers: ['911'] };

async function registered(ua: Ua): Promise<void> {
  const outcome = await startAndRegister(ua);
  if (!outcome.registered) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
}

const rig = await startProvisioningRig();
const assignToDocument: number[] = [];
const assignToRegistered: number[] = [];
const syncToDocument: number[] = [];
const syncToRegistered: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const name = `HD${String(1000 + run)}`;
    const mac = `02:00:00:00:10:${run.toString(16).padStart(2, '0')}` as Mac;
    rig.directory.addDevice({ name, mac, options: OPTIONS, sbc: null, publicKey: null });
    const { client, release } = rig.clients.acquire(mac);
    await untilState(client, (state) => state.status === 'pending');

    // (a) assign → document fetched → registered as HDXXXX
    let start = performance.now();
    rig.assign(mac, name);
    const first = await untilState(client, (state) => state.status === 'provisioned');
    assignToDocument.push(performance.now() - start);
    const pool = createUaFromDocument(first.document!);
    await registered(pool);
    assignToRegistered.push(performance.now() - start);

    // (b) check-sync → re-fetched → old identity dropped, new identity registered
    rig.directory.identities.set(name, { kind: 'user', extension: '100', name: 'Alice Andrews', blf: [] });
    const resynced = new Promise<ProvisioningState>((resolve) => onSipEvent(pool, CHECK_SYNC_EVENT, () => void client.resync().then(resolve)));
    start = performance.now();
    void rig.checkSync.send(name);
    const second = await resynced;
    syncToDocument.push(performance.now() - start);
    const stopped = stopUa(pool);
    const user = createUaFromDocument(second.document!);
    await registered(user);
    syncToRegistered.push(performance.now() - start);

    await Promise.all([stopped, stopUa(user)]);
    rig.directory.identities.delete(name);
    release();
  }
} finally {
  await rig.stop();
}

console.log(`provisioning on loopback, ${runs} runs (Node ${process.version})`);
console.log(`(a) assign → document fetched            ${summarise(assignToDocument)}`);
console.log(`(a) assign → registered as HDXXXX         ${summarise(assignToRegistered)}`);
console.log(`(b) check-sync → new document fetched     ${summarise(syncToDocument)}`);
console.log(`(b) check-sync → re-registered as new id  ${summarise(syncToRegistered)}`);
