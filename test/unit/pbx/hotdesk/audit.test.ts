import { describe, expect, it } from 'vitest';
import { auditToCsv, csvField } from '../../../../electron/pbx/core/hotdesk/auditCsv';
import { makeHotDesk } from './support';

describe('audit log', () => {
  it('appends events with time-ordered ids and filters by time and kind', async () => {
    const { hotDesk, clock } = await makeHotDesk();
    const first = await hotDesk.audit.append({ kind: 'device.created', actor: 'admin', device: 'HD0004' });
    clock.advance(60_000);
    const second = await hotDesk.audit.append({ kind: 'extension.updated', actor: 'admin', extension: '100', detail: 'pin changed' });
    clock.advance(60_000);
    await hotDesk.audit.append({ kind: 'device.created', actor: 'admin', device: 'HD0005' });
    expect(first.id < second.id).toBe(true);
    expect(first).toEqual({ id: first.id, at: '2025-03-01T09:00:00.000Z', kind: 'device.created', actor: 'admin', device: 'HD0004', extension: null, mac: null, detail: null });
    expect(hotDesk.audit.list({ kinds: ['device.created'] }).map((event) => event.device)).toEqual(['HD0004', 'HD0005']);
    expect(hotDesk.audit.list({ since: new Date('2025-03-01T09:01:00Z') }).map((event) => event.kind)).toEqual(['extension.updated', 'device.created']);
    expect(hotDesk.audit.list({ until: new Date('2025-03-01T09:01:00Z') })).toHaveLength(1);
    expect(hotDesk.audit.list({ limit: 1 }).map((event) => event.device)).toEqual(['HD0005']);
  });

  it('exports RFC 4180 CSV: header, CRLF, quoted commas, quotes and line breaks', () => {
    const csv = auditToCsv([
      { id: 'a1b2c3d4', at: '2025-03-01T09:00:00.000Z', kind: 'extension.updated', actor: 'admin', device: null, extension: '100', mac: null, detail: 'name, "nick"\nand pin' },
    ]);
    expect(csv).toBe('id,at,kind,actor,device,extension,mac,detail\r\na1b2c3d4,2025-03-01T09:00:00.000Z,extension.updated,admin,,100,,"name, ""nick""\nand pin"\r\n');
  });

  it('defuses spreadsheet formulas in fields', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(null)).toBe('');
  });
});
