import { networkInterfaces } from 'node:os';
import { isZeroMac, parseMac, type Mac } from '../../../shared/domain/mac';

/** The first hardware MAC of a non-internal interface, in name order so it is stable across starts. */
export function findMachineMac(interfaces = networkInterfaces()): Mac | null {
  for (const name of Object.keys(interfaces).sort()) {
    for (const entry of interfaces[name] ?? []) {
      if (entry.internal) continue;
      const mac = parseMac(entry.mac);
      if (mac && !isZeroMac(mac)) return mac;
    }
  }
  return null;
}
