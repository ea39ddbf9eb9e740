import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileJournal } from '../../../../electron/pbx/store/fileJournal';
import { encodeLine, scanJournal } from '../../../../electron/pbx/store/journalFormat';
import { auditSpec, type AuditEvent } from '../../../../electron/pbx/store/schema/auditRecord';
import { StoreVersionError } from '../../../../electron/pbx/store/storeErrors';
import { tempDir } from './support';

const now = () => new Date('2025-03-01T09:00:00.000Z');

function event(n: number): AuditEvent {
  return { id: `event-${String(n).padStart(4, '0')}`, at: '2025-03-01T09:00:00.000Z', kind: 'test.event', actor: 'admin', device: null, extension: null, mac: null, detail: `#${n}` };
}

async function journalWith(count: number) {
  const file = path.join(tempDir(), 'audit.jsonl');
  const { journal } = await openFileJournal(file, auditSpec, now);
  await Promise.all(Array.from({ length: count }, (_unused, n) => journal.append(event(n))));
  await journal.close();
  return file;
}

describe('journal lines', () => {
  it('carry a checksum that catches any change', () => {
    const line = encodeLine({ a: 1 });
    expect(scanJournal(Buffer.from(line)).values).toEqual([{ a: 1 }]);
    const altered = line.replace('1', '2');
    expect(scanJournal(Buffer.from(altered))).toMatchObject({ values: [], torn: true });
  });
});

describe('openFileJournal', () => {
  it('keeps appended records across reopen, in order', async () => {
    const file = await journalWith(25);
    const { journal, state } = await openFileJournal(file, auditSpec, now);
    expect(state).toBe('opened');
    expect(journal.list().map((record) => record.detail)).toEqual(Array.from({ length: 25 }, (_unused, n) => `#${n}`));
    await journal.close();
  });

  it('cuts off a torn last append (an unfinished line) and keeps everything before it', async () => {
    const file = await journalWith(3);
    const before = statSync(file).size;
    appendFileSync(file, encodeLine(event(3)).slice(0, 30));
    const { journal, warning } = await openFileJournal(file, auditSpec, now);
    expect(warning).toBeNull();
    expect(journal.list()).toHaveLength(3);
    expect(statSync(file).size).toBe(before);
    await journal.append(event(4));
    await journal.close();
    const reopened = await openFileJournal(file, auditSpec, now);
    expect(reopened.journal.list().map((record) => record.detail)).toEqual(['#0', '#1', '#2', '#4']);
    await reopened.journal.close();
  });

  it('cuts off a tail of garbage lines too (e.g. zeros after a crash)', async () => {
    const file = await journalWith(2);
    appendFileSync(file, Buffer.concat([Buffer.alloc(40), Buffer.from('\n'), Buffer.alloc(10)]));
    const { journal, warning } = await openFileJournal(file, auditSpec, now);
    expect(warning).toBeNull();
    expect(journal.list()).toHaveLength(2);
    await journal.close();
  });

  it('drops a record damaged in the middle — that record alone — with a warning, and keeps appending', async () => {
    const file = await journalWith(4);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('#1', '#X');
    writeFileSync(file, lines.join('\n'));
    const { journal, warning, state } = await openFileJournal(file, auditSpec, now);
    expect(state).toBe('recovered');
    expect(warning).toMatch(/audit\.jsonl: damaged record at line 3 — skipped; the other 3 records were kept \(the file as found is kept as .*audit\.jsonl\.broken-2025-03-01T09-00-00-000Z\)/);
    expect(journal.list().map((record) => record.detail)).toEqual(['#0', '#2', '#3']);
    expect(readFileSync(`${file}.broken-2025-03-01T09-00-00-000Z`, 'utf8')).toContain('#X');
    await journal.append(event(4));
    await journal.close();
    const reopened = await openFileJournal(file, auditSpec, now);
    expect([reopened.state, reopened.warning]).toEqual(['opened', null]);
    expect(reopened.journal.list().map((record) => record.detail)).toEqual(['#0', '#2', '#3', '#4']);
    await reopened.journal.close();
  });

  it('drops a record that breaks the schema, that record alone', async () => {
    const file = await journalWith(3);
    appendFileSync(file, encodeLine({ ...event(9), kind: 'Not A Kind' }) + encodeLine(event(10)));
    const { journal, warning } = await openFileJournal(file, auditSpec, now);
    expect(warning).toMatch(/record at line 5 breaks the schema/);
    expect(journal.list().map((record) => record.detail)).toEqual(['#0', '#1', '#2', '#10']);
    await journal.close();
  });

  it('moves aside a journal whose header is damaged, and starts a new one', async () => {
    const file = await journalWith(2);
    writeFileSync(file, readFileSync(file, 'utf8').replace('hotdesk.audit', 'hotdesk.AUDIT'));
    const { journal, warning, state } = await openFileJournal(file, auditSpec, now);
    expect(state).toBe('recovered');
    expect(warning).toMatch(/audit\.jsonl was unreadable \(missing or foreign header\); it was moved to /);
    expect(journal.list()).toEqual([]);
    await journal.close();
  });

  it('refuses a journal from a newer PBX', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    writeFileSync(file, encodeLine({ kind: 'hotdesk.audit', version: 9 }));
    await expect(openFileJournal(file, auditSpec, now)).rejects.toBeInstanceOf(StoreVersionError);
  });

  it('compacts to the newest maxRecords when it grows past them', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    const spec = { ...auditSpec, maxRecords: 10 };
    const { journal } = await openFileJournal(file, spec, now);
    for (let n = 0; n < 30; n += 1) await journal.append(event(n));
    expect(journal.list().length).toBeLessThanOrEqual(13);
    expect(journal.list().at(-1)?.detail).toBe('#29');
    await journal.close();
    const reopened = await openFileJournal(file, spec, now);
    expect(reopened.journal.list()).toEqual(journal.list());
    await reopened.journal.close();
  });

  it('refuses a record that breaks the schema without writing it', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    const { journal } = await openFileJournal(file, auditSpec, now);
    await expect(journal.append({ ...event(1), kind: 'Not A Kind' })).rejects.toThrow(/invalid record/);
    expect(journal.list()).toEqual([]);
    await journal.close();
  });
});
