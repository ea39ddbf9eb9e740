/** Hot-desk pool identities are `HD` + 4 digits. */
export const POOL_NAME = /^HD[0-9]{4}$/;

export function isPoolName(value: string): boolean {
  return POOL_NAME.test(value);
}

export function poolNameFor(index: number): string {
  if (!Number.isInteger(index) || index < 1 || index > 9999) throw new RangeError(`No pool name for index ${index}`);
  return `HD${String(index).padStart(4, '0')}`;
}
