import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, parseHostCliOptions } from '../../../electron/host/cliOptions';

describe('parseHostCliOptions', () => {
  it('defaults to port 5170 on loopback', () => {
    const options = parseHostCliOptions([], { HOME: '/home/kiosk' });
    expect(options).toMatchObject({ port: 5170, host: '127.0.0.1', mode: undefined });
    expect(options.dataDir).toBe(path.resolve('/home/kiosk/.local/share/hotdesk'));
  });

  it('reads the environment, and flags win over it', () => {
    const env = { HOTDESK_PORT: '6000', HOTDESK_DATA_DIR: '/tmp/a' };
    expect(parseHostCliOptions([], env)).toMatchObject({ port: 6000, dataDir: path.resolve('/tmp/a') });
    expect(parseHostCliOptions(['--port', '7000', '--data-dir=/tmp/b', '--mode', 'site'], env)).toMatchObject({
      port: 7000,
      dataDir: path.resolve('/tmp/b'),
      mode: 'site',
    });
  });

  it('takes a certificate and key for TLS', () => {
    expect(parseHostCliOptions(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {}).tls).toEqual({ cert: 'c.pem', key: 'k.pem' });
    expect(parseHostCliOptions([], {}).tls).toBeNull();
  });

  it('takes server names and the remote-devices switch from flags or the environment, off by default', () => {
    expect(parseHostCliOptions([], {})).toMatchObject({ serverNames: [], allowRemoteDevices: false });
    expect(parseHostCliOptions(['--server-name', 'kiosk.lan, pbx.example.com', '--allow-remote-devices', '--port', '1'], {})).toMatchObject({
      serverNames: ['kiosk.lan', 'pbx.example.com'],
      allowRemoteDevices: true,
      port: 1,
    });
    expect(parseHostCliOptions([], { HOTDESK_SERVER_NAMES: 'a.lan', HOTDESK_ALLOW_REMOTE_DEVICES: '1' })).toMatchObject({
      serverNames: ['a.lan'],
      allowRemoteDevices: true,
    });
    expect(parseHostCliOptions([], { HOTDESK_ALLOW_REMOTE_DEVICES: '0' }).allowRemoteDevices).toBe(false);
  });

  it.each([
    [['--port', 'abc'], /--port must be a TCP port/],
    [['--port', '70000'], /--port must be a TCP port/],
    [['--mode', 'party'], /--mode must be demo, site or external/],
    [['--colour', 'red'], /Unknown option "--colour"/],
    [['--port'], /--port needs a value/],
    [['--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    [['--server-name', 'evil.example/x'], /--server-name takes host names/],
    [['--allow-remote-devices=yes'], /Unknown option "--allow-remote-devices=yes"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHostCliOptions(argv, {})).toThrow(CliError);
    expect(() => parseHostCliOptions(argv, {})).toThrow(message);
  });
});
