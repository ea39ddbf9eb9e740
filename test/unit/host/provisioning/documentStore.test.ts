import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileDocumentStore, type StoredProvisioning } from '../../../../electron/host/provisioning/documentStore';
import type { Mac } from '../../../../shared/domain/mac';
import { validDocument } from '../../pbx/provisioning/fixtures';

const MAC = '02:00:00:00:00:04' as Mac;
const ENTRY: StoredProvisioning = {
  url: 'http://127.0.0.1:5170/provisioning/token.json',
  source: 'pnp',
  etag: validDocument().etag,
  document: validDocument(),
  fetchedAt: '2025-01-02T03:04:05.000Z',
};

describe('FileDocumentStore', () => {
  it('saves the last good document atomically and reads it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-docs-'));
    const store = new FileDocumentStore(dir);
    expect(await store.load(MAC)).toBeNull();
    await store.save(MAC, ENTRY);
    expect(await store.load(MAC)).toEqual(ENTRY);
    expect(readdirSync(dir)).toEqual(['020000000004.json']); // no temporary file left behind
    expect(statSync(store.fileFor(MAC)).mode & 0o777).toBe(0o600); // it holds credentials
    await store.save(MAC, { ...ENTRY, etag: 'second' });
    expect((await store.load(MAC))?.etag).toBe('second');
  });

  it('treats a damaged or invalid file as absent and leaves it for inspection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-docs-'));
    const store = new FileDocumentStore(dir);
    writeFileSync(store.fileFor(MAC), '{"url": "http://x/p.json", "etag"');
    expect(await store.load(MAC)).toBeNull();
    writeFileSync(store.fileFor(MAC), JSON.stringify({ ...ENTRY, document: { ...ENTRY.document, version: 99 } }));
    expect(await store.load(MAC)).toBeNull();
    expect(readFileSync(store.fileFor(MAC), 'utf8')).toContain('"version":99');
  });

  it('refuses to save an invalid entry', async () => {
    const store = new FileDocumentStore(mkdtempSync(path.join(tmpdir(), 'hotdesk-docs-')));
    await expect(store.save(MAC, { ...ENTRY, url: 'file:///etc/passwd' })).rejects.toThrow();
  });
});

describe('FileDocumentStore with a pending logout', () => {
  const pendingLogout = {
    reason: 'user' as const,
    extension: '100',
    since: '2025-01-02T03:00:00.000Z',
    requestedAt: '2025-01-02T04:00:00.000Z',
    poolName: 'HD0004',
    options: validDocument().options,
  };

  it('keeps a pending logout, with or without an idle document, across a restart', async () => {
    const store = new FileDocumentStore(mkdtempSync(path.join(tmpdir(), 'hotdesk-docs-')));
    const withIdle: StoredProvisioning = { ...ENTRY, pendingLogout };
    await store.save(MAC, withIdle);
    expect(await store.load(MAC)).toEqual(withIdle);
    const bare: StoredProvisioning = { url: ENTRY.url, source: 'pnp', etag: null, document: null, fetchedAt: null, pendingLogout };
    await store.save(MAC, bare);
    expect(await new FileDocumentStore(path.dirname(store.fileFor(MAC))).load(MAC)).toEqual(bare);
  });

  it('refuses an entry without a document unless a logout is pending, and a user document as the idle one', async () => {
    const store = new FileDocumentStore(mkdtempSync(path.join(tmpdir(), 'hotdesk-docs-')));
    await expect(store.save(MAC, { ...ENTRY, etag: null, document: null, fetchedAt: null })).rejects.toThrow(/pending logout/);
    const user = { ...validDocument(), identity: { kind: 'user' as const, extension: '100', name: 'Alice' }, account: { ...validDocument().account, uri: 'sip:100@hotdesk.local' } };
    await expect(store.save(MAC, { ...ENTRY, idle: { etag: 'x'.repeat(16), document: user, fetchedAt: ENTRY.fetchedAt! } })).rejects.toThrow(/pool identity/);
  });
});
