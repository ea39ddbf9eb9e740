import type { DeviceIdentity } from '../contracts/device';

/** One string per SIP identity a device can have, the key its recent calls and Do not disturb are kept under. */
export function identityKey(identity: DeviceIdentity | null): string | null {
  switch (identity?.kind) {
    case undefined:
      return null;
    case 'pool':
      return `pool:${identity.name}`;
    case 'user':
      return `user:${identity.extension}`;
    case 'account':
      return `account:${identity.uri}`;
  }
}
