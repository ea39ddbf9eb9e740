import { describe, expect, it } from 'vitest';
import { sipWebSocketUrl, sipWebSocketUrlOf } from '../../../shared/sip/sipWebSocket';

describe('the SIP WebSocket URL (RFC 7118)', () => {
  it('is /sip on the given authority, ws or wss', () => {
    expect(sipWebSocketUrl(false, '127.0.0.1:5170')).toBe('ws://127.0.0.1:5170/sip');
    expect(sipWebSocketUrl(true, '[2001:db8::7]:443')).toBe('wss://[2001:db8::7]:443/sip');
  });

  it('sits beside an http(s) origin, whatever follows the authority', () => {
    expect(sipWebSocketUrlOf('http://127.0.0.1:5170')).toBe('ws://127.0.0.1:5170/sip');
    expect(sipWebSocketUrlOf('https://[::1]:5443/')).toBe('wss://[::1]:5443/sip');
    expect(sipWebSocketUrlOf('HTTPS://kiosk.example.com')).toBe('wss://kiosk.example.com/sip');
  });

  it('refuses what is not an http(s) origin', () => {
    expect(() => sipWebSocketUrlOf('ws://127.0.0.1:5170')).toThrow(/Not an http\(s\) origin/);
    expect(() => sipWebSocketUrlOf('')).toThrow(TypeError);
  });
});
