import { describe, expect, it } from 'vitest';
import {
  buildProvisioningContent,
  buildProvisioningDocument,
  contentEtag,
  sbcWebSocketUrl,
} from '../../../../electron/pbx/provisioning/buildProvisioningDocument';
import { DocumentStamps } from '../../../../electron/pbx/provisioning/documentStamps';
import { checkProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import { HA1, HD0004, MemoryDirectory } from './fixtures';
import { deviceOptionsFromDocument } from '../../../../electron/host/provisioning';
import { optionsPatchSchema } from '../../../../electron/pbx/admin/schemas';
import { callWaitingOn } from '../../../../shared/contracts';

const directory = new MemoryDirectory();
const POOL_CREDENTIALS = directory.credentialsFor('HD0004')!;
const ALICE = directory.credentialsFor('100')!;
const AT = new Date('2025-03-04T05:06:07.000Z');
const WS = 'ws://127.0.0.1:5170/sip';

describe('buildProvisioningDocument', () => {
  it('builds an idle device document with HA1 credentials, no BLF keys and default Options extras', () => {
    const document = buildProvisioningDocument({ device: HD0004, identity: { kind: 'pool' }, credentials: POOL_CREDENTIALS, webSocketUrl: WS }, AT);
    expect(checkProvisioningDocument(document).ok).toBe(true);
    expect(document).toMatchObject({
      version: 1,
      generatedAt: '2025-03-04T05:06:07.000Z',
      device: { mac: '02:00:00:00:00:04', poolName: 'HD0004' },
      identity: { kind: 'pool', name: 'HD0004' },
      account: {
        webSocketUrls: [WS],
        uri: 'sip:HD0004@hotdesk.local',
        authUser: 'HD0004',
        credentials: { kind: 'ha1', ha1: HA1, realm: 'hotdesk.local' },
      },
      sbc: null,
      blf: [],
      options: { location: 'Desk 16', language: 'en', ringTone: 'classic', autoLogout: { idleMinutes: null, maxSessionMinutes: null, dailyAt: null } },
    });
    expect(document.etag).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("gives a logged-in user's identity and BLF positions but keeps the device's Options", () => {
    const blf = [{ type: 'blf' as const, extension: '101', label: 'Bob Brown' }, null];
    const document = buildProvisioningDocument(
      { device: HD0004, identity: { kind: 'user', extension: '100', name: 'Alice Andrews', blf }, credentials: ALICE, webSocketUrl: WS },
      AT,
    );
    expect(document.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(document.account.uri).toBe('sip:100@hotdesk.local');
    expect(document.blf).toEqual(blf);
    expect(document.options.location).toBe('Desk 16');
  });

  it('carries the call waiting option when the device sets it, to the phone screen too; absent it stays absent (on)', () => {
    const inputs = { identity: { kind: 'pool' as const }, credentials: POOL_CREDENTIALS, webSocketUrl: WS };
    const off = buildProvisioningDocument({ ...inputs, device: { ...HD0004, options: { ...HD0004.options, callWaiting: false } } }, AT);
    expect(checkProvisioningDocument(off).ok).toBe(true);
    expect(off.options.callWaiting).toBe(false);
    expect(deviceOptionsFromDocument(off).callWaiting).toBe(false);
    const unset = buildProvisioningDocument({ ...inputs, device: HD0004 }, AT);
    expect('callWaiting' in unset.options).toBe(false);
    expect(callWaitingOn(deviceOptionsFromDocument(unset))).toBe(true);
    expect(optionsPatchSchema.safeParse({ callWaiting: false }).success).toBe(true);
    expect(optionsPatchSchema.safeParse({ callWaiting: 'no' }).success).toBe(false);
  });

  it('carries the session start of a logged-in user (for the auto-logout timers), never for an idle device', () => {
    const since = '2025-03-04T05:00:00.000Z';
    const user = { kind: 'user' as const, extension: '100', name: 'Alice Andrews', blf: [], since };
    const document = buildProvisioningDocument({ device: HD0004, identity: user, credentials: ALICE, webSocketUrl: WS }, AT);
    expect(document.session).toEqual({ since });
    const idle = buildProvisioningDocument({ device: HD0004, identity: { kind: 'pool' }, credentials: POOL_CREDENTIALS, webSocketUrl: WS }, AT);
    expect('session' in idle).toBe(false);
    const later = buildProvisioningDocument({ device: HD0004, identity: { ...user, since: '2025-03-04T06:00:00.000Z' }, credentials: ALICE, webSocketUrl: WS }, AT);
    expect(later.etag).not.toBe(document.etag); // a new login is a new document, even for the same user
  });

  it("points a device with an SBC at the SBC's WebSocket", () => {
    const device = { ...HD0004, sbc: { host: '203.0.113.7', port: 8443 } };
    const document = buildProvisioningDocument({ device, identity: { kind: 'pool' }, credentials: POOL_CREDENTIALS, webSocketUrl: WS }, AT);
    expect(document.account.webSocketUrls).toEqual(['wss://203.0.113.7:8443/sip']);
    expect(document.sbc).toEqual({ host: '203.0.113.7', port: 8443 });
    expect(sbcWebSocketUrl({ host: '2001:db8::7', port: 443 })).toBe('wss://[2001:db8::7]:443/sip');
  });

  it('refuses to build from a bad device record, naming the field', () => {
    const device = { ...HD0004, options: { ...HD0004.options, emergencyNumbers: ['nine-one-one'] } };
    expect(() => buildProvisioningDocument({ device, identity: { kind: 'pool' }, credentials: POOL_CREDENTIALS, webSocketUrl: WS }, AT)).toThrow(
      /emergencyNumbers/,
    );
  });

  it('derives the ETag from the content alone', () => {
    const inputs = { device: HD0004, identity: { kind: 'pool' as const }, credentials: POOL_CREDENTIALS, webSocketUrl: WS };
    const first = buildProvisioningDocument(inputs, AT);
    const later = buildProvisioningDocument(inputs, new Date(AT.getTime() + 60_000));
    expect(later.etag).toBe(first.etag);
    const moved = buildProvisioningDocument({ ...inputs, device: { ...HD0004, options: { ...HD0004.options, location: 'Desk 17' } } }, AT);
    expect(moved.etag).not.toBe(first.etag);
    expect(contentEtag(buildProvisioningContent(inputs))).toBe(first.etag);
  });
});

describe('DocumentStamps', () => {
  it('keeps generatedAt while the content is unchanged and remembers the identity served', () => {
    const stamps = new DocumentStamps();
    const inputs = { device: HD0004, identity: { kind: 'pool' as const }, credentials: POOL_CREDENTIALS, webSocketUrl: WS };
    const first = stamps.stamp('HD0004', buildProvisioningContent(inputs), AT);
    const again = stamps.stamp('HD0004', buildProvisioningContent(inputs), new Date(AT.getTime() + 5000));
    expect(again).toEqual(first);
    expect(stamps.lastServedUser('HD0004')).toBe('HD0004');
    const user = stamps.stamp(
      'HD0004',
      buildProvisioningContent({ ...inputs, identity: { kind: 'user', extension: '100', name: 'Alice Andrews', blf: [] }, credentials: ALICE }),
      new Date(AT.getTime() + 9000),
    );
    expect(user.generatedAt).toBe('2025-03-04T05:06:16.000Z');
    expect(stamps.lastServedUser('HD0004')).toBe('100');
  });
});
