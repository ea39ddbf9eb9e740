import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePbxCliOptions, PbxCliError } from '../../../electron/pbx/cliOptions';

describe('npm run pbx options', () => {
  it('takes the host names of pages elsewhere that may use /sip, from --origin-host or the environment', () => {
    expect(parsePbxCliOptions(['--origin-host', 'kiosk1.lan, kiosk2.lan'], {}).originHosts).toEqual(['kiosk1.lan', 'kiosk2.lan']);
    expect(parsePbxCliOptions([], { HOTDESK_PBX_ORIGIN_HOSTS: 'kiosk3.lan' }).originHosts).toEqual(['kiosk3.lan']);
    expect(parsePbxCliOptions([], {}).originHosts).toEqual([]);
  });

  it('refuses an origin host that is not a host name', () => {
    expect(() => parsePbxCliOptions(['--origin-host=https://kiosk.lan/'], {})).toThrow(PbxCliError);
  });

  it('defaults to demo mode on loopback port 5180, data under XDG_DATA_HOME', () => {
    const options = parsePbxCliOptions([], { HOME: '/home/pbx', XDG_DATA_HOME: '/srv/data' });
    expect(options).toEqual({ port: 5180, host: '127.0.0.1', mode: 'demo', dataDir: path.resolve('/srv/data/hotdesk'), tls: null, originHosts: [] });
  });

  it('takes a LAN address in site mode, and flags in either form', () => {
    expect(parsePbxCliOptions(['--mode=site', '--host', '192.0.2.10', '--port', '0'], {})).toMatchObject({ mode: 'site', host: '192.0.2.10', port: 0 });
  });

  it.each([
    [['--host', '192.0.2.10'], /Demo mode has public demo passwords and listens on loopback only/],
    [['--mode', 'external'], /--mode must be demo or site, got "external"/],
    [['--verbose'], /Unknown option "--verbose" \(known: --port, --host, --mode, --data-dir, --tls-cert, --tls-key, --origin-host\)/],
    [['extra'], /Unknown option "extra"/],
    [['--data-dir'], /--data-dir needs a value/],
    [['--tls-key', 'k.pem'], /--tls-cert and --tls-key go together/],
  ])('refuses %j', (argv, message) => {
    expect(() => parsePbxCliOptions(argv, {})).toThrow(PbxCliError);
    expect(() => parsePbxCliOptions(argv, {})).toThrow(message);
  });
});
