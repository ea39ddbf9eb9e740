import { describe, expect, it } from 'vitest';
import { buildPidfLo, parsePidfLo } from '../../../../electron/pbx/core/emergency/pidfLo';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';

const DESK = {
  ...EMPTY_DISPATCHABLE_LOCATION,
  country: 'US',
  region: 'CA',
  city: 'Example City',
  street: 'Main Street',
  houseNumber: '1',
  site: 'HQ',
  building: '1',
  floor: '2',
  room: '2.14',
  desk: '14',
  text: 'East wing, next to the lifts',
};
const input = { entity: 'pres:HD0001@hotdesk.local', location: DESK, deviceId: 'mac:020000000001', timestamp: new Date('2026-01-02T03:04:05.000Z') };

describe('PIDF-LO (RFC 4119, RFC 5139 civic address)', () => {
  it('round-trips every civic element', () => {
    expect(parsePidfLo(buildPidfLo(input))).toEqual({ ok: true, entity: 'pres:HD0001@hotdesk.local', location: DESK });
  });

  it('writes the RFC 5139 elements in their schema order in the civicAddr namespace, with the geopriv method', () => {
    const xml = buildPidfLo(input);
    const names = [...xml.matchAll(/<ca:([A-Za-z0-9]+)>/g)].map((match) => match[1]);
    expect(names).toEqual(['country', 'A1', 'A3', 'RD', 'HNO', 'LOC', 'FLR', 'NAM', 'BLD', 'ROOM', 'SEAT']);
    expect(xml).toContain('xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"');
    expect(xml).toContain('<gp:method>Manual</gp:method>');
    expect(xml).toContain('<dm:deviceID>mac:020000000001</dm:deviceID>');
  });

  it('escapes markup in the values and reads it back unchanged', () => {
    const tricky = { ...DESK, site: 'R&D <Lab> "A"', text: "</ca:LOC><ca:SEAT>99</ca:SEAT> it's" };
    const xml = buildPidfLo({ ...input, location: tricky, entity: 'pres:a&b@x' });
    expect(xml).toContain('<ca:NAM>R&amp;D &lt;Lab&gt; "A"</ca:NAM>');
    expect(parsePidfLo(xml)).toEqual({ ok: true, entity: 'pres:a&b@x', location: tricky });
  });

  it('leaves out the fields that are empty', () => {
    const xml = buildPidfLo({ ...input, location: { ...EMPTY_DISPATCHABLE_LOCATION, text: 'Reception' } });
    expect(xml).not.toContain('<ca:country>');
    expect(parsePidfLo(xml)).toMatchObject({ ok: true, location: { ...EMPTY_DISPATCHABLE_LOCATION, text: 'Reception' } });
  });

  it('reads a document written with other prefixes, ignoring elements it does not model', () => {
    const xml = `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:x@y"><tuple id="t"><status><g:geopriv xmlns:g="urn:ietf:params:xml:ns:pidf:geopriv10"><g:location-info><civicAddress xmlns="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"><country>DE</country><A3>Berlin</A3><PC>10115</PC><FLR>3</FLR></civicAddress></g:location-info></g:geopriv></status></tuple></presence>`;
    expect(parsePidfLo(xml)).toEqual({ ok: true, entity: 'pres:x@y', location: { ...EMPTY_DISPATCHABLE_LOCATION, country: 'DE', city: 'Berlin', floor: '3' } });
  });

  it('says what is wrong with malformed or foreign documents', () => {
    expect(parsePidfLo('<presence xmlns="urn:ietf:params:xml:ns:pidf"><unclosed></presence>')).toMatchObject({ ok: false, problem: expect.stringMatching(/not well-formed/) });
    expect(parsePidfLo('<html/>')).toEqual({ ok: false, problem: 'the document is not PIDF (no presence element)' });
    expect(parsePidfLo('<presence xmlns="urn:ietf:params:xml:ns:pidf"/>')).toEqual({ ok: false, problem: 'the PIDF-LO carries no civic address' });
    expect(parsePidfLo(`<presence xmlns="urn:ietf:params:xml:ns:pidf">${' '.repeat(20_000)}</presence>`)).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than/) });
    const badCountry = buildPidfLo({ ...input, location: { ...DESK, country: 'XX' } }).replace('<ca:country>XX</ca:country>', '<ca:country>Nowhere</ca:country>');
    expect(parsePidfLo(badCountry)).toMatchObject({ ok: false, problem: expect.stringMatching(/country/) });
  });
});
