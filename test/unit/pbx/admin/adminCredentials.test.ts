import { describe, expect, it } from 'vitest';
import { initAdminCredentials } from '../../../../electron/pbx/admin/adminCredentials';
import { TEST_SCRYPT_COST } from '../../../support/scryptCost';
import { memoryDocumentStore } from '../../../../electron/pbx/store/documentStore';
import { adminCredentialsSpec } from '../../../../electron/pbx/store/schema/settingsDocs';

const newStore = () => memoryDocumentStore('admin', adminCredentialsSpec.schema, null);

describe('admin credentials', () => {
  it('are admin/admin in demo mode, stored as a hash', async () => {
    const store = newStore();
    const { credentials, generatedPassword } = await initAdminCredentials({ store, mode: 'demo', cost: TEST_SCRYPT_COST });
    expect(generatedPassword).toBeNull();
    expect(await credentials.verify('admin', 'admin')).toBe(true);
    expect(await credentials.verify('admin', 'Admin')).toBe(false);
    expect(await credentials.verify('root', 'admin')).toBe(false);
    expect(JSON.stringify(store.read())).not.toContain('"admin"}');
    expect(store.read()).toMatchObject({ user: 'admin', origin: 'demo-default', password: { algorithm: 'scrypt' } });
  });

  it('are generated once on the first start of site mode, replacing the demo password', async () => {
    const store = newStore();
    const demo = await initAdminCredentials({ store, mode: 'demo', cost: TEST_SCRYPT_COST });
    expect(await demo.credentials.verify('admin', 'admin')).toBe(true);
    const first = await initAdminCredentials({ store, mode: 'site', cost: TEST_SCRYPT_COST });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await first.credentials.verify('admin', 'admin')).toBe(false);
    expect(await first.credentials.verify('admin', first.generatedPassword!)).toBe(true);
    expect(JSON.stringify(store.read())).not.toContain(first.generatedPassword!);
    const second = await initAdminCredentials({ store, mode: 'site', cost: TEST_SCRYPT_COST });
    expect(second.generatedPassword).toBeNull();
    expect(await second.credentials.verify('admin', first.generatedPassword!)).toBe(true);
  });

  it('in demo mode are hashed after the start; a check meanwhile waits for them', async () => {
    const store = newStore();
    const { credentials } = await initAdminCredentials({ store, mode: 'demo', cost: TEST_SCRYPT_COST });
    expect(store.read()).toBeNull();
    expect(credentials.known('admin', 'admin')).toBeUndefined();
    expect(await credentials.verify('admin', 'admin')).toBe(true);
    expect(store.read()).toMatchObject({ origin: 'demo-default' });
    expect(await credentials.verify('admin', 'wrong')).toBe(false);
  });

  it('stop accepting the old password as soon as it is changed', async () => {
    const store = newStore();
    const { credentials } = await initAdminCredentials({ store, mode: 'demo', cost: TEST_SCRYPT_COST });
    expect(await credentials.verify('admin', 'admin')).toBe(true);
    await credentials.set('correct horse battery staple');
    expect(await credentials.verify('admin', 'admin')).toBe(false);
    expect(await credentials.verify('admin', 'correct horse battery staple')).toBe(true);
  });
});
