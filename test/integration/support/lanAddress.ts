import { networkInterfaces } from 'node:os';

/**
 * An IPv4 address of this machine that is not loopback, or null. A test client that binds its socket to it and
 * connects to 127.0.0.1 reaches the host from a non-loopback address: to the host it is another machine on the LAN.
 */
export const LAN_ADDRESS: string | null =
  Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address ?? null;
