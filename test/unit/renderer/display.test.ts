import { describe, expect, it } from 'vitest';
import type { DeviceIdentity } from '../../../shared/contracts';
import { IDLE_DEVICE_REFUSAL } from '../../../shared/domain/dialString';
import { describeDisplay, type DisplayInput } from '../../../renderer/src/features/phone/displayModel';
import { guideFor } from '../../../renderer/src/features/phone/guide';
import { applyTheme } from '../../../renderer/src/theme';

const pool: DeviceIdentity = { kind: 'pool', name: 'HD0001' };
const base: DisplayInput = { status: 'ready', error: null, mac: '02:00:00:00:00:01', identity: pool, caption: null, connection: 'open' };

describe('describeDisplay', () => {
  it('idle: pool name and the login hint', () => {
    expect(describeDisplay(base)).toEqual({ call: null, headline: 'HD0001', caption: 'Dial *77*<ext>* to log in', tone: 'info' });
  });

  it('logged in: extension and name', () => {
    const alice: DeviceIdentity = { kind: 'user', extension: '100', name: 'Alice Andrews' };
    expect(describeDisplay({ ...base, identity: alice })).toEqual({ call: null, headline: '100 Alice Andrews', caption: '', tone: 'info' });
  });

  it('a plain SIP account shows its number and name, like an extension', () => {
    expect(describeDisplay({ ...base, identity: { kind: 'account', uri: 'sip:101@pbx', name: 'Bob Brown' } }).headline).toBe('101 Bob Brown');
    expect(describeDisplay({ ...base, identity: { kind: 'account', uri: 'sip:101@pbx', name: '' } }).headline).toBe('101');
    expect(describeDisplay({ ...base, identity: { kind: 'account', uri: 'sip:%2A99@pbx', name: '' } }).headline).toBe('*99');
    expect(describeDisplay({ ...base, identity: { kind: 'account', uri: 'sip:pbx.example', name: 'Lobby' } }).headline).toBe('sip:pbx.example Lobby');
  });

  it('unprovisioned: says so, with the MAC the administrator needs', () => {
    const model = describeDisplay({ ...base, identity: null, mac: '02:00:00:00:00:09' });
    expect(`${model.headline} — ${model.caption}`).toBe('Not provisioned — MAC 02:00:00:00:00:09 — waiting for the administrator');
  });

  it('mentions a provisioning problem while the last good document stays in use', () => {
    const error = 'Provisioning server answered 503';
    expect(describeDisplay({ ...base, identity: null, mac: '02:00:00:00:00:09', provisioningError: error }).caption).toBe(
      `MAC 02:00:00:00:00:09 — waiting for the administrator (${error})`,
    );
    expect(describeDisplay({ ...base, identity: { kind: 'pool', name: 'HD0001' }, provisioningError: error }).caption).toBe(
      `Dial *77*<ext>* to log in (${error})`,
    );
    expect(describeDisplay({ ...base, identity: { kind: 'pool', name: 'HD0001' } }).caption).toBe('Dial *77*<ext>* to log in');
  });

  it('starting, and a failed start with the error', () => {
    expect(describeDisplay({ ...base, status: 'starting', identity: null }).headline).toBe('Starting…');
    expect(describeDisplay({ ...base, status: 'failed', identity: null, error: 'MAC is not valid' })).toEqual({
      call: null,
      headline: 'Cannot start',
      caption: 'MAC is not valid',
      tone: 'error',
    });
    expect(describeDisplay({ ...base, status: 'failed', error: 'Cannot connect', connection: 'closed' }).caption).toBe(
      'Cannot connect — retrying…',
    );
  });

  it('a caption such as a refusal replaces the default caption', () => {
    expect(describeDisplay({ ...base, caption: { text: IDLE_DEVICE_REFUSAL, tone: 'warning' } })).toEqual({
      call: null,
      headline: 'HD0001',
      caption: IDLE_DEVICE_REFUSAL,
      tone: 'warning',
    });
  });

  it('a lost connection is shown over everything else', () => {
    const model = describeDisplay({ ...base, connection: 'closed', caption: { text: 'x', tone: 'info' } });
    expect(model.headline).toBe('HD0001');
    expect(model.caption).toMatch(/reconnecting/);
    expect(model.tone).toBe('warning');
  });
});

describe('guideFor', () => {
  it('explains login on an idle device and lists the emergency numbers', () => {
    const guide = guideFor(pool, ['911', '112', '999']);
    expect(guide.map((section) => section.title)).toEqual(['Log in', 'Emergency', 'Keyboard']);
    expect(guide[1]!.lines[0]).toMatch(/^911, 112 or 999/);
  });

  it('explains logout to a logged-in user', () => {
    const guide = guideFor({ kind: 'user', extension: '100', name: 'Alice' }, ['911']);
    expect(guide[0]).toMatchObject({ title: 'Log out' });
    expect(guide[0]!.lines.join(' ')).toContain('*77*5*');
  });
});

describe('applyTheme', () => {
  function root() {
    const attributes = new Map<string, string>();
    return {
      attributes,
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
    };
  }

  it('pins light or dark with data-theme and follows the system otherwise', () => {
    const html = root();
    applyTheme(html, 'dark');
    expect(html.attributes.get('data-theme')).toBe('dark');
    applyTheme(html, 'light');
    expect(html.attributes.get('data-theme')).toBe('light');
    applyTheme(html, 'system');
    expect(html.attributes.has('data-theme')).toBe(false);
  });
});

describe('guideFor before the device is known', () => {
  it('offers only the keyboard help', () => {
    expect(guideFor(undefined, ['911']).map((section) => section.title)).toEqual(['Keyboard']);
    expect(guideFor(null, []).map((section) => section.title)).toEqual(['Waiting to be set up', 'Keyboard']);
  });
});
