import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { urlLines } from '../../../../electron/host/cli';
import { interfaceAddresses, isLoopback, listenOrigins, type Interfaces } from '../../../../electron/host/web/addresses';
import { allowedHostNames, parseHostHeader } from '../../../../electron/host/web/hostAllowList';
import { contentSecurityPolicy, webSocketOrigin } from '../../../../electron/common/contentSecurityPolicy';

function entry(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '02:00:00:00:00:aa', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const INTERFACES: Interfaces = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  wlan0: [entry('10.1.2.3', 'IPv4'), entry('fe80::1', 'IPv6')],
  eth0: [entry('fd00::5', 'IPv6'), entry('192.168.1.20', 'IPv4')],
};

describe('listen addresses', () => {
  it('lists the machine’s own addresses, IPv4 first in interface-name order, without link-local IPv6', () => {
    expect(interfaceAddresses(INTERFACES)).toEqual(['192.168.1.20', '10.1.2.3', 'fd00::5']);
    expect(interfaceAddresses(INTERFACES, false)).toEqual(['192.168.1.20', '10.1.2.3']);
  });

  it('prints the real address for 0.0.0.0 and ::, loopback for this machine’s own page', () => {
    expect(listenOrigins('0.0.0.0', 5170, false, INTERFACES)).toEqual({ local: 'http://127.0.0.1:5170', public: 'http://192.168.1.20:5170' });
    expect(listenOrigins('::', 5170, true, { eth0: [entry('fd00::5', 'IPv6')] })).toEqual({ local: 'https://127.0.0.1:5170', public: 'https://[fd00::5]:5170' });
    expect(listenOrigins('0.0.0.0', 5170, false, { lo: INTERFACES.lo ?? [] }).public).toBe('http://127.0.0.1:5170');
    expect(listenOrigins('192.168.1.20', 443, true, INTERFACES)).toEqual({ local: 'https://192.168.1.20:443', public: 'https://192.168.1.20:443' });
  });

  it('prints device pages at the local origin and SIP and the admin API at the public one', () => {
    expect(urlLines('http://127.0.0.1:5170', 'http://192.168.1.20:5170')).toEqual([
      'Phone (this kiosk):  http://127.0.0.1:5170/',
      'Another HD device:   http://127.0.0.1:5170/?mac=02:00:00:00:00:02',
      'SIP WebSocket:       ws://192.168.1.20:5170/sip',
      'Admin API:           http://192.168.1.20:5170/api/v1',
      'Management console:  http://192.168.1.20:5170/admin',
    ]);
  });

  it('knows loopback in its spellings', () => {
    for (const address of ['127.0.0.1', '127.5.0.1', '::1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST']) expect(isLoopback(address), address).toBe(true);
    for (const address of ['192.168.1.20', '::ffff:10.0.0.1', '0.0.0.0', '::', 'localhost.attacker.example']) expect(isLoopback(address), address).toBe(false);
  });
});

describe('the Host allow-list', () => {
  it('splits Host headers and refuses what is not one', () => {
    expect(parseHostHeader('127.0.0.1:5170')).toEqual({ name: '127.0.0.1', port: 5170 });
    expect(parseHostHeader('[::1]:5170')).toEqual({ name: '::1', port: 5170 });
    expect(parseHostHeader('Desk.Example.COM.')).toEqual({ name: 'desk.example.com', port: null });
    for (const bad of [undefined, '', 'a b', 'user@host', 'host/path', '[zz]:1', 'h:1:2', 'x'.repeat(301)]) expect(parseHostHeader(bad), String(bad)).toBeNull();
  });

  it('allows loopback names on loopback, every own address on 0.0.0.0, and configured server names', () => {
    expect([...allowedHostNames('127.0.0.1', [], INTERFACES)].sort()).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect([...allowedHostNames('0.0.0.0', ['pbx.example.com'], INTERFACES)].sort()).toEqual(
      ['10.1.2.3', '127.0.0.1', '192.168.1.20', '::1', 'localhost', 'pbx.example.com'].sort(),
    );
    expect([...allowedHostNames('192.168.1.20', ['Kiosk.Lan.'], INTERFACES)].sort()).toEqual(['192.168.1.20', 'kiosk.lan']);
  });
});

describe('the content security policy', () => {
  it('names the PBX WebSocket origins it is given, and no scheme-wide ws: or wss: source', () => {
    const policy = contentSecurityPolicy(['ws://127.0.0.1:5170', 'wss://pbx.example.com', 'ws://127.0.0.1:5170']);
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:5170 wss://pbx.example.com;");
    expect(policy).not.toMatch(/\swss?:(\s|;|$)/);
    expect(contentSecurityPolicy([])).toContain("connect-src 'self';");
  });

  it('turns page, WebSocket and SIP URLs into WebSocket origins, and nothing else', () => {
    expect(webSocketOrigin('http://127.0.0.1:5170')).toBe('ws://127.0.0.1:5170');
    expect(webSocketOrigin('https://[fd00::5]:443/x')).toBe('wss://[fd00::5]');
    expect(webSocketOrigin('wss://pbx.example.com/ws?x=1')).toBe('wss://pbx.example.com');
    expect(webSocketOrigin('javascript:alert(1)')).toBeNull();
    expect(webSocketOrigin('not a url')).toBeNull();
  });
});
