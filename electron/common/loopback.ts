import { isIP } from 'node:net';

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) → `127.0.0.1`; names lower-cased. */
export function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** `localhost`, `::1` or any address of 127.0.0.0/8, in whatever form a socket reports it. */
export function isLoopback(address: string): boolean {
  const normalised = normaliseAddress(address);
  return normalised === 'localhost' || normalised === '::1' || (isIP(normalised) === 4 && normalised.startsWith('127.'));
}

/**
 * Why a device host or PBX in `mode` may not listen on `host`, or null when it may: demo mode's passwords are public
 * (`sip-<ext>`, `admin` / `admin`), so it listens on loopback only.
 */
export function listenRefusal(mode: string, host: string): string | null {
  if (mode !== 'demo' || isLoopback(host)) return null;
  return 'Demo mode has public demo passwords and listens on loopback only; use --mode site for a LAN address';
}
