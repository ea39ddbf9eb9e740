import type { SafeStorage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { keychainSecretBox } from '../../../electron/main/keychain';
import { FakeSafeStorage } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

const asSafeStorage = (fake: FakeSafeStorage) => fake as unknown as SafeStorage;

describe('the keychain secret box', () => {
  it("seals with Electron's safeStorage and opens what it sealed", () => {
    const storage = new FakeSafeStorage();
    const box = keychainSecretBox(asSafeStorage(storage), 'linux');
    const sealed = box?.seal('hunter2') ?? '';
    expect(sealed).not.toContain('hunter2');
    expect(box?.open(sealed)).toBe('hunter2');
    expect(() => box?.open(Buffer.from('garbage').toString('base64'))).toThrow();
  });

  it('is not there when encryption is unavailable, or on Linux when safeStorage would use its hard-coded key', () => {
    const unavailable = new FakeSafeStorage();
    unavailable.available = false;
    expect(keychainSecretBox(asSafeStorage(unavailable), 'darwin')).toBeNull();
    const basicText = new FakeSafeStorage();
    basicText.backend = 'basic_text';
    expect(keychainSecretBox(asSafeStorage(basicText), 'linux')).toBeNull();
    expect(keychainSecretBox(asSafeStorage(new FakeSafeStorage()), 'win32')).not.toBeNull();
  });
});
