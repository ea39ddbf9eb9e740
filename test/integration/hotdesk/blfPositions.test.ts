import { describe, expect, it } from 'vitest';
import type { BlfPosition } from '../../../shared/domain/blfLayout';
import { DEMO_ALICE_BLF } from '../../../shared/domain/demoSeed';
import { ADMIN, useHotDeskPbx } from './support/hotDeskRig';

const rig = useHotDeskPbx();
const ALICE = { extension: '100', pin: '482619' };

function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${rig.server.origin}/api/v1${path}`, { method, headers: ADMIN, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

describe("an administrator's change of BLF positions reaches the devices live (check-sync)", () => {
  it("re-provisions every device the user is logged in on when her positions change; the new keys are in her document", async () => {
    expect((await admin('PATCH', '/settings', { multipleLogins: 'allow' })).status).toBe(200);
    try {
      const desks = [await rig.desk('HD0001'), await rig.desk('HD0002')];
      for (const desk of desks) await desk.logIn(ALICE.extension, ALICE.pin);
      const idle = await rig.desk('HD0003');
      const positions: BlfPosition[] = [{ type: 'speed-dial', number: '0', label: 'Reception' }, null, { type: 'blf', extension: '105', label: 'Frank Foster' }];

      const checkSyncs = desks.map((desk) => desk.nextCheckSync());
      const patched = await admin('PATCH', `/extensions/${ALICE.extension}`, { blf: positions });
      expect(patched.status).toBe(200);
      await Promise.all(checkSyncs);
      for (const desk of desks) {
        const document = await desk.fetchDocument();
        expect([document.identity, document.blf]).toEqual([{ kind: 'user', extension: '100', name: 'Alice Andrews' }, positions]);
      }
      // The idle device's document did not change, so it was not told to fetch it: its next check-sync is a later one.
      expect(idle.checkSyncs).toBe(0);
    } finally {
      expect((await admin('PATCH', '/settings', { multipleLogins: 'logout-other' })).status).toBe(200);
      expect((await admin('PATCH', `/extensions/${ALICE.extension}`, { blf: DEMO_ALICE_BLF })).status).toBe(200);
    }
  });

  it("deleting an extension empties its keys in the other users' positions and re-provisions their devices", async () => {
    const desk = await rig.desk('HD0001');
    await desk.logIn(ALICE.extension, ALICE.pin);
    const checkSync = desk.nextCheckSync();
    expect((await admin('DELETE', '/extensions/102')).status).toBe(204);
    await checkSync;

    const withoutCarol = DEMO_ALICE_BLF.map((position) => (position?.type === 'blf' && position.extension === '102' ? null : position));
    expect(withoutCarol).not.toEqual(DEMO_ALICE_BLF);
    expect((await desk.fetchDocument()).blf).toEqual(withoutCarol);
    expect(((await (await admin('GET', `/extensions/${ALICE.extension}`)).json()) as { blf: unknown }).blf).toEqual(withoutCarol);
    expect(rig.server.pbx.hotDesk.audit.list({ kinds: ['extension.deleted'] }).map((event) => [event.extension, event.detail])).toEqual([
      ['102', 'Carol Chen; its BLF keys removed from 100'],
    ]);
  });
});
