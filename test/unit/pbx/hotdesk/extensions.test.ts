import { describe, expect, it } from 'vitest';
import { computeHa1 } from '../../../../electron/pbx/core/auth/digestAuth';
import { DEMO_ALICE_BLF } from '../../../../electron/pbx/core/hotdesk/demoData';
import { HotDeskError } from '../../../../electron/pbx/core/hotdesk/hotDeskErrors';
import { layoutHotDeskKeys } from '../../../../shared/domain/blfLayout';
import { DEMO_EXTENSIONS } from '../../../../shared/domain/demoSeed';
import { makeHotDesk, REALM } from './support';

describe('ExtensionRepository', () => {
  it('seeds the demo directory with hashed PINs (hashed after the start), demo SIP passwords as HA1 and Alice\'s BLF positions', async () => {
    const { hotDesk, store } = await makeHotDesk();
    expect(hotDesk.extensions.list().map((record) => [record.extension, record.name, record.hotDesking])).toEqual(
      DEMO_EXTENSIONS.map((demo) => [demo.extension, demo.name, demo.hotDesking]),
    );
    const alice = hotDesk.extensions.get('100')!;
    expect(alice.sip).toEqual({ ha1: computeHa1('100', REALM, 'sip-100'), realm: REALM });
    expect(alice.blf).toEqual(DEMO_ALICE_BLF);
    expect(layoutHotDeskKeys(alice.blf, 6)[0]?.map((key) => key.label)).toEqual(['Logout', 'Bob Brown', 'Carol Chen', 'Reception', 'Dan Diaz']);
    // A login right after the start waits for the PIN hashes rather than finding no PIN.
    expect(await hotDesk.extensions.verifyPin('100', '482619')).toBe(true);
    await hotDesk.extensions.seedPinsWritten();
    const stored = JSON.stringify(store.extensions.read());
    for (const demo of DEMO_EXTENSIONS) expect(stored).not.toContain(demo.pin);
    expect(stored).not.toContain('sip-100');
    expect(hotDesk.extensions.get('100')?.pin).toMatchObject({ algorithm: 'scrypt' });
    expect(await hotDesk.extensions.verifyPin('100', '739104')).toBe(false);
    expect(await hotDesk.extensions.verifyPin('999', '482619')).toBe(false);
  });

  it('fills a seed PIN only into an extension still as seeded: a change meanwhile, or a PIN set by the admin, wins', async () => {
    const { hotDesk, clock } = await makeHotDesk({ mode: 'site', licence: 'none' });
    const { extensions } = hotDesk;
    for (const extension of ['200', '201', '202']) await extensions.create({ extension, name: `Seeded ${extension}` });
    clock.advance(1000);
    await extensions.update('201', { name: 'Renamed since' });
    const filling = extensions.fillSeedPins([
      { extension: '200', pin: '482619' },
      { extension: '201', pin: '482619' },
      { extension: '202', pin: '482619' },
    ]);
    await extensions.update('202', { pin: '739104' });
    await filling;
    expect(await extensions.verifyPin('200', '482619')).toBe(true);
    expect(extensions.get('201')?.pin).toBeNull();
    expect(await extensions.verifyPin('202', '739104')).toBe(true);
    expect(await extensions.verifyPin('202', '482619')).toBe(false);
  });

  it('keeps the demo PINs when the PIN policy is raised before they are hashed', async () => {
    const { hotDesk } = await makeHotDesk();
    await hotDesk.settings.update({ pinMinLength: 8 });
    expect(await hotDesk.extensions.verifyPin('100', '482619')).toBe(true);
  });

  it('does not seed anything in site mode', async () => {
    const { hotDesk } = await makeHotDesk({ mode: 'site', licence: 'none' });
    expect(hotDesk.extensions.list()).toEqual([]);
    expect(hotDesk.devices.list()).toEqual([]);
  });

  it('creates an extension with a random SIP password it returns once', async () => {
    const { hotDesk } = await makeHotDesk({ mode: 'site' });
    const { record, sipPassword } = await hotDesk.extensions.create({ extension: '200', name: 'Gina Green', pin: '580321' });
    expect(sipPassword.length).toBeGreaterThanOrEqual(20);
    expect(record.sip.ha1).toBe(computeHa1('200', REALM, sipPassword));
    expect(hotDesk.sipAccount('200')).toMatchObject({ kind: 'extension', displayName: 'Gina Green' });
    await expect(hotDesk.extensions.create({ extension: '200', name: 'Again' })).rejects.toThrow('Extension 200 already exists');
    await expect(hotDesk.extensions.create({ extension: '911', name: 'Nope' })).rejects.toThrow(/reserved/);
  });

  it('changes the PIN only through the policy and keeps only its hash', async () => {
    const { hotDesk } = await makeHotDesk();
    const weak = await hotDesk.extensions.update('101', { pin: '101101' }).catch((error: unknown) => error);
    expect(weak).toBeInstanceOf(HotDeskError);
    expect(weak).toMatchObject({ code: 'weak-pin', field: 'pin', message: 'The PIN must not be the extension number.' });
    await hotDesk.settings.update({ pinMinLength: 8 });
    await expect(hotDesk.extensions.update('101', { pin: '5820193' })).rejects.toThrow('at least 8 digits');
    const updated = await hotDesk.extensions.update('101', { pin: '58201937', hotDesking: false, name: 'Robert Brown' });
    expect(updated).toMatchObject({ hotDesking: false, name: 'Robert Brown' });
    expect(await hotDesk.extensions.verifyPin('101', '58201937')).toBe(true);
    await hotDesk.extensions.update('101', { pin: null });
    expect(hotDesk.extensions.get('101')?.pin).toBeNull();
    expect(await hotDesk.extensions.verifyPin('101', '58201937')).toBe(false);
  });

  it('replaces BLF positions as an ordered list with empty positions kept', async () => {
    const { hotDesk } = await makeHotDesk();
    await hotDesk.extensions.update('102', { blf: [null, { type: 'line', label: 'Line 2' }, { type: 'speed-dial', number: '200', label: 'Echo' }] });
    expect(hotDesk.extensions.get('102')?.blf).toEqual([null, { type: 'line', label: 'Line 2' }, { type: 'speed-dial', number: '200', label: 'Echo' }]);
    await expect(hotDesk.extensions.update('555', { name: 'x' })).rejects.toThrow('No extension 555');
  });

  it("deleting an extension empties the positions that watched it (the others keep their places) and says whose changed", async () => {
    const { hotDesk } = await makeHotDesk();
    const carol = { type: 'blf', extension: '102', label: 'Carol' } as const;
    await hotDesk.extensions.update('105', { blf: [carol, { type: 'speed-dial', number: '102', label: 'Carol direct' }, carol] });
    const changes: string[] = [];
    hotDesk.changes.subscribe((change) => changes.push(`${change.type} ${'extension' in change ? change.extension : ''}`));

    const { record, unwatchedBy } = await hotDesk.extensions.remove('102');
    expect([record.name, unwatchedBy]).toEqual(['Carol Chen', ['100', '105']]);
    expect(hotDesk.extensions.get('100')?.blf).toEqual(DEMO_ALICE_BLF.map((position) => (position?.type === 'blf' && position.extension === '102' ? null : position)));
    // A speed dial is a number to call, not a watch: it stays.
    expect(hotDesk.extensions.get('105')?.blf).toEqual([null, { type: 'speed-dial', number: '102', label: 'Carol direct' }, null]);
    expect(changes).toEqual(['extension.deleted 102', 'extension.updated 100', 'extension.updated 105']);
    expect((await hotDesk.extensions.remove('101')).unwatchedBy).toEqual(['100']);
    expect((await hotDesk.extensions.remove('104')).unwatchedBy).toEqual([]);
  });
});
