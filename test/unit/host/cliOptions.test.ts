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

  it('joins a site PBX with --pbx or HOTDESK_PBX, which means site mode; the saved one is kept without either', () => {
    expect(parseHostCliOptions([], {}).sitePbxUrl).toBeUndefined();
    expect(parseHostCliOptions(['--pbx', 'wss://pbx.lan:5443/sip'], {})).toMatchObject({ sitePbxUrl: 'wss://pbx.lan:5443/sip', mode: 'site' });
    expect(parseHostCliOptions(['--mode', 'site'], { HOTDESK_PBX: 'ws://127.0.0.1:5180/sip' })).toMatchObject({ sitePbxUrl: 'ws://127.0.0.1:5180/sip', mode: 'site' });
    expect(() => parseHostCliOptions([], { HOTDESK_PBX: 'ws://10.0.0.2:5180/sip' })).toThrow(/must be a wss:\/\/ URL \(ws:\/\/ only to this machine\)/);
  });

  it('opens a browser for the kiosk unless --no-browser or HOTDESK_NO_BROWSER says not to', () => {
    expect(parseHostCliOptions([], {}).openBrowser).toBe(true);
    expect(parseHostCliOptions(['--no-browser'], {}).openBrowser).toBe(false);
    expect(parseHostCliOptions([], { HOTDESK_NO_BROWSER: '1' }).openBrowser).toBe(false);
  });

  it.each([
    [['--pbx', 'http://pbx.lan/sip'], /--pbx must be a ws:\/\/ or wss:\/\/ URL/],
    [['--pbx', 'wss://admin:pw@pbx.lan/sip'], /--pbx must be a ws:\/\/ or wss:\/\/ URL without a user name or password/],
    [['--pbx', 'wss://pbx.lan/sip', '--mode', 'demo'], /--pbx joins a site PBX, which is site mode; it cannot go with --mode demo/],
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
