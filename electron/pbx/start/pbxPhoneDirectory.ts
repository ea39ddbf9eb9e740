import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AuthThrottle, DigestAuth } from '../core';
import { createDirectoryHttp } from '../provisioning';
import type { PbxDirectory } from './pbxDirectory';

/**
 * The phone directory over HTTP: Digest under the SIP realm with the HA1 of extensions (the same a phone registers
 * with; pool identities cannot search), listing every extension's number and name.
 */
export function startPhoneDirectory(
  directory: PbxDirectory,
  /** The SIP stack's: a guess at a password over HTTP counts towards the same lockout as one over SIP. */
  throttle: AuthThrottle,
  now: () => number,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const { hotDesk, accounts } = directory;
  const auth = new DigestAuth({
    realm: accounts.realm,
    now,
    findHa1: (user) => {
      const account = accounts.find(user);
      return account?.kind === 'extension' ? account.ha1 : null;
    },
  });
  return createDirectoryHttp({
    auth,
    throttle,
    now,
    entries: () => hotDesk.extensions.list().map((record) => ({ number: record.extension, name: record.name })),
  });
}
