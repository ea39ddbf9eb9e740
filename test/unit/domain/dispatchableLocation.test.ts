import { describe, expect, it } from 'vitest';
import { applyOptions } from '../../../electron/pbx/core/hotdesk/deviceInput';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../shared/contracts';
import { dispatchableLocationSchema, EMPTY_DISPATCHABLE_LOCATION, shortLocation } from '../../../shared/domain/dispatchableLocation';

describe('dispatchable location', () => {
  it('reads as the short form the display shows, labelling bare numbers', () => {
    const location = { ...EMPTY_DISPATCHABLE_LOCATION, country: 'US', city: 'Example City', site: 'HQ', building: '1', floor: '2', desk: '14' };
    expect(shortLocation(location)).toBe('HQ, Building 1, Floor 2, Desk 14');
    expect(shortLocation({ ...location, floor: 'Mezzanine', room: '3B' })).toBe('HQ, Building 1, Mezzanine, Room 3B, Desk 14');
  });

  it('falls back to the free text when no on-site part is given', () => {
    expect(shortLocation({ ...EMPTY_DISPATCHABLE_LOCATION, city: 'Example City', text: 'Reception desk' })).toBe('Reception desk');
  });

  it('refuses a country that is not a two-letter code and control characters', () => {
    expect(dispatchableLocationSchema.safeParse({ ...EMPTY_DISPATCHABLE_LOCATION, country: 'USA' }).success).toBe(false);
    expect(dispatchableLocationSchema.safeParse({ ...EMPTY_DISPATCHABLE_LOCATION, room: 'a\u0000b' }).success).toBe(false);
  });

  it('keeps the options’ location the short form of the structure, and a plain location patch sets the free text', () => {
    const structured = applyOptions(DEFAULT_HOT_DESK_OPTIONS, { dispatchableLocation: { site: 'HQ', floor: '2' } });
    expect(structured.location).toBe('HQ, Floor 2');
    const floorChanged = applyOptions(structured, { dispatchableLocation: { floor: '3' } });
    expect(floorChanged.dispatchableLocation).toMatchObject({ site: 'HQ', floor: '3' });
    expect(floorChanged.location).toBe('HQ, Floor 3');
    const legacy = applyOptions(DEFAULT_HOT_DESK_OPTIONS, { location: 'Desk by the window' });
    expect(legacy).toMatchObject({ location: 'Desk by the window', dispatchableLocation: { text: 'Desk by the window' } });
  });
});
