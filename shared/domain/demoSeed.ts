import type { BlfPosition } from './blfLayout';
import type { DispatchableLocation } from './dispatchableLocation';

/** Demo data seeded on the first start of demo mode. */
export interface DemoExtension {
  readonly extension: string;
  readonly name: string;
  readonly pin: string;
  readonly hotDesking: boolean;
}

export const DEMO_EXTENSIONS: readonly DemoExtension[] = [
  { extension: '100', name: 'Alice Andrews', pin: '482619', hotDesking: true },
  { extension: '101', name: 'Bob Brown', pin: '739104', hotDesking: true },
  { extension: '102', name: 'Carol Chen', pin: '508377', hotDesking: true },
  { extension: '103', name: 'Dan Diaz', pin: '614250', hotDesking: true },
  { extension: '104', name: 'Erin Evans', pin: '295731', hotDesking: false },
  { extension: '105', name: 'Frank Foster', pin: '836402', hotDesking: true },
];

export interface DemoHotDeskDevice {
  readonly name: string;
  readonly mac: string;
  /** The desk's dispatchable location; its short form reads "HQ, Building 1, Floor 2, Desk 14". */
  readonly location: Partial<DispatchableLocation>;
}

const DEMO_HQ = { country: 'US', region: 'CA', city: 'Example City', street: 'Main Street', houseNumber: '1', site: 'HQ', building: '1' };

export const DEMO_HOT_DESK_DEVICES: readonly DemoHotDeskDevice[] = [
  { name: 'HD0001', mac: '02:00:00:00:00:01', location: { ...DEMO_HQ, floor: '2', desk: '14' } },
  { name: 'HD0002', mac: '02:00:00:00:00:02', location: { ...DEMO_HQ, floor: '2', desk: '15' } },
  { name: 'HD0003', mac: '02:00:00:00:00:03', location: { ...DEMO_HQ, floor: '3', desk: '2' } },
];

/** The kiosk's own MAC in demo mode unless its settings say otherwise. */
export const DEMO_KIOSK_MAC = '02:00:00:00:00:01';

export const DEMO_EMERGENCY_NUMBERS: readonly string[] = ['911', '112', '999'];

/** Alice's BLF settings: on a hot-desk device Logout, Bob Brown, Carol Chen, Reception, Dan Diaz. */
export const DEMO_ALICE_BLF: readonly BlfPosition[] = [
  { type: 'blf', extension: '101', label: 'Bob Brown' },
  null,
  { type: 'blf', extension: '102', label: 'Carol Chen' },
  { type: 'speed-dial', number: '0', label: 'Reception' },
  null,
  { type: 'blf', extension: '103', label: 'Dan Diaz' },
];
