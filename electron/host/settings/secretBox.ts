/**
 * Seals a secret with the operating system's keychain (Electron's safeStorage, passed in by electron/main). Plain
 * Node has none: the device host then keeps the secret only in its 0600 settings file.
 */
export interface SecretBox {
  seal(plain: string): string;
  /** Throws when the sealed text cannot be opened (another machine's or user's keychain, a reset keyring). */
  open(sealed: string): string;
}
