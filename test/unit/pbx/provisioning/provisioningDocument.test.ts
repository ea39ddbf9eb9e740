import { describe, expect, it } from 'vitest';
import {
  checkProvisioningDocument,
  provisioningDocumentSchema,
  webSocketTarget,
  type ProvisioningDocument,
} from '../../../../shared/sip/provisioningDocument';
import { HA1, validDocument } from './fixtures';

function check(change: (document: ProvisioningDocument & Record<string, unknown>) => void) {
  const document = structuredClone(validDocument()) as ProvisioningDocument & Record<string, unknown>;
  change(document);
  return checkProvisioningDocument(document);
}

function errorOf(change: Parameters<typeof check>[0]): string {
  const result = check(change);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

describe('provisioning document schema', () => {
  it('accepts an idle pool device document', () => {
    const result = checkProvisioningDocument(validDocument());
    expect(result).toEqual({ ok: true, document: validDocument() });
  });

  it('accepts a session start only with a logged-in user', () => {
    const loggedIn = check((document) => {
      document.identity = { kind: 'user', extension: '100', name: 'Alice Andrews' };
      document.account.uri = 'sip:100@hotdesk.local';
      document.session = { since: '2025-03-04T05:00:00.000Z' };
    });
    expect(loggedIn.ok).toBe(true);
    expect(errorOf((document) => (document.session = { since: '2025-03-04T05:00:00.000Z' }))).toMatch(/session: an idle device has no session/);
    expect(errorOf((document) => (document.session = { since: 'yesterday' } as never))).toMatch(/session\.since/);
  });

  it('accepts a logged-in user with BLF positions, empty ones included', () => {
    const result = check((document) => {
      document.identity = { kind: 'user', extension: '100', name: 'Alice Andrews' };
      document.account.uri = 'sip:100@hotdesk.local';
      document.account.authUser = '100';
      document.blf = [
        { type: 'blf', extension: '101', label: 'Bob Brown' },
        null,
        { type: 'speed-dial', number: '0', label: 'Reception' },
        { type: 'line', label: 'Line 1' },
      ];
    });
    expect(result.ok).toBe(true);
  });

  it('accepts a password instead of HA1 (external PBXs)', () => {
    expect(check((document) => (document.account.credentials = { kind: 'password', password: 'sip-101' })).ok).toBe(true);
  });

  it('refuses credentials with both a password and an HA1', () => {
    expect(errorOf((document) => (document.account.credentials = { kind: 'ha1', ha1: HA1, realm: 'x', password: 'p' } as never))).toMatch(
      /account\.credentials/,
    );
    expect(errorOf((document) => (document.account.credentials = { kind: 'password', password: 'p', ha1: HA1 } as never))).toMatch(
      /account\.credentials/,
    );
  });

  it('refuses a bad MAC, including a non-canonical one', () => {
    expect(errorOf((document) => (document.device.mac = '02:00:00:00:00'))).toMatch(/device\.mac: must be a MAC/);
    expect(errorOf((document) => (document.device.mac = '02-00-00-00-00-04'))).toMatch(/device\.mac/);
    expect(errorOf((document) => (document.device.mac = '02:00:00:00:00:0G'))).toMatch(/device\.mac/);
  });

  it('refuses an HA1 that is not 32 lower-case hex digits and an empty password', () => {
    expect(errorOf((document) => (document.account.credentials = { kind: 'ha1', ha1: HA1.toUpperCase(), realm: 'r' }))).toMatch(/ha1/);
    expect(errorOf((document) => (document.account.credentials = { kind: 'password', password: '' }))).toMatch(/password/);
  });

  it('refuses a pool name that is not HD + 4 digits, and an idle identity that is not the device', () => {
    expect(errorOf((document) => (document.device.poolName = 'HD4'))).toMatch(/device\.poolName/);
    expect(
      errorOf((document) => {
        document.identity = { kind: 'pool', name: 'HD0005' };
        document.account.uri = 'sip:HD0005@hotdesk.local';
      }),
    ).toMatch(/identity\.name: an idle device is its own pool identity HD0004/);
  });

  it('refuses an account URI that is not the identity it is provisioned as', () => {
    expect(errorOf((document) => (document.account.uri = 'sip:HD0001@hotdesk.local'))).toMatch(/account\.uri: must be the SIP URI of HD0004/);
    expect(errorOf((document) => (document.account.uri = 'not a uri'))).toMatch(/account\.uri/);
  });

  it('requires at least one ws:// or wss:// URL', () => {
    expect(errorOf((document) => (document.account.webSocketUrls = []))).toMatch(/webSocketUrls/);
    expect(errorOf((document) => (document.account.webSocketUrls = ['http://127.0.0.1/sip']))).toMatch(/ws:\/\/ or wss:\/\//);
  });

  it('with an SBC, requires every WebSocket URL to point at the SBC', () => {
    const sbc = { host: '203.0.113.7', port: 8443 };
    expect(
      check((document) => {
        document.sbc = sbc;
        document.account.webSocketUrls = ['wss://203.0.113.7:8443/sip'];
      }).ok,
    ).toBe(true);
    expect(errorOf((document) => (document.sbc = sbc))).toMatch(/account\.webSocketUrls\.0: must point at the SBC 203\.0\.113\.7:8443/);
    expect(errorOf((document) => (document.sbc = { host: 'sbc.example.com', port: 70000 }))).toMatch(/sbc\.port/);
  });

  it('refuses unknown versions, unknown fields and a missing generatedAt', () => {
    expect(errorOf((document) => (document.version = 2 as never))).toMatch(/version/);
    expect(errorOf((document) => (document.extra = true))).toMatch(/extra/);
    expect(errorOf((document) => delete (document as Partial<ProvisioningDocument>).generatedAt)).toMatch(/generatedAt/);
  });

  it('checks the Options: emergency numbers, language, auto-logout time', () => {
    expect(errorOf((document) => (document.options.emergencyNumbers = ['9-1-1']))).toMatch(/options\.emergencyNumbers/);
    expect(errorOf((document) => (document.options.language = 'English'))).toMatch(/options\.language/);
    expect(errorOf((document) => (document.options.autoLogout.dailyAt = '25:00'))).toMatch(/options\.autoLogout\.dailyAt/);
    expect(errorOf((document) => (document.options.keysPerPage = 0))).toMatch(/options\.keysPerPage/);
  });

  it('refuses BLF positions with unknown types or bad extensions', () => {
    expect(errorOf((document) => (document.blf = [{ type: 'park', label: 'x' } as never]))).toMatch(/blf\.0/);
    expect(errorOf((document) => (document.blf = [{ type: 'blf', extension: 'abc', label: 'x' }]))).toMatch(/blf\.0/);
  });

  it('types a parsed document', () => {
    const parsed = provisioningDocumentSchema.parse(validDocument());
    expect(parsed.identity.kind).toBe('pool');
  });
});

describe('webSocketTarget', () => {
  it('reads host and port with the scheme defaults', () => {
    expect(webSocketTarget('wss://sbc.example.com/sip')).toEqual({ secure: true, host: 'sbc.example.com', port: 443 });
    expect(webSocketTarget('ws://[::1]:5170/sip')).toEqual({ secure: false, host: '[::1]', port: 5170 });
    expect(webSocketTarget('https://x/sip')).toBeNull();
  });
});
