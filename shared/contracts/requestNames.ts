// Kept free of zod so the sandboxed preload, which only checks names, stays a few kilobytes.
export const REQUEST_NAMES = [
  'app.info',
  'device.view',
  'device.logout',
  'phone.account',
  'provisioning.resync',
  'settings.get',
  'settings.unlock',
  'settings.update',
  'history.get',
  'history.change',
  'directory.search',
] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}
