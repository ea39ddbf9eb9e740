import { describe, expect, it } from 'vitest';
import { layoutHotDeskKeys } from '../../../shared/domain/blfLayout';
import { DEMO_ALICE_BLF } from '../../../shared/domain/demoSeed';

// Alice's BLF positions in the demo company (README, "The embedded PBX").
const alice = DEMO_ALICE_BLF;

describe('layoutHotDeskKeys', () => {
  it('puts Logout first, discards empty positions and shifts the rest down by one', () => {
    const [page] = layoutHotDeskKeys(alice, 10);
    expect(page?.map((key) => key.label)).toEqual(['Logout', 'Bob Brown', 'Carol Chen', 'Reception', 'Dan Diaz']);
  });

  it('pages keys beyond keys-per-page', () => {
    const pages = layoutHotDeskKeys(alice, 2);
    expect(pages.map((page) => page.map((key) => key.label))).toEqual([
      ['Logout', 'Bob Brown'],
      ['Carol Chen', 'Reception'],
      ['Dan Diaz'],
    ]);
  });

  it('shows only Logout when the user has no keys', () => {
    expect(layoutHotDeskKeys([null, null], 6)).toEqual([[{ type: 'logout', label: 'Logout' }]]);
    expect(layoutHotDeskKeys([], 6)).toEqual([[{ type: 'logout', label: 'Logout' }]]);
  });

  it('keeps the key kinds so a press knows what to do', () => {
    const keys = layoutHotDeskKeys(alice, 10)[0] ?? [];
    expect(keys[3]).toEqual({ type: 'speed-dial', number: '0', label: 'Reception' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses keysPerPage %s', (keysPerPage) => {
    expect(() => layoutHotDeskKeys(alice, keysPerPage)).toThrow(RangeError);
  });
});
