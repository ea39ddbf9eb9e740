/** A device's MAC address in canonical lower-case colon form, e.g. `02:00:00:00:00:01`. */
export type Mac = string & { readonly __brand: 'Mac' };

const SEPARATED = /^([0-9a-fA-F]{2})([:-]?)([0-9a-fA-F]{2})\2([0-9a-fA-F]{2})\2([0-9a-fA-F]{2})\2([0-9a-fA-F]{2})\2([0-9a-fA-F]{2})$/;

/** Accepts `02:00:00:00:00:01`, `02-00-00-00-00-01` or `020000000001`; returns null for anything else. */
export function parseMac(input: string): Mac | null {
  const match = SEPARATED.exec(input.trim());
  if (!match) return null;
  const octets = [match[1], match[3], match[4], match[5], match[6], match[7]];
  return octets.join(':').toLowerCase() as Mac;
}

export function isZeroMac(mac: Mac): boolean {
  return mac === '00:00:00:00:00:00';
}
