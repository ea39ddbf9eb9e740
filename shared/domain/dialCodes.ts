/** The PBX's system dial codes. */
export interface DialCodes {
  readonly login: string;
  readonly logout: string;
  readonly voicemail: string;
  readonly pickup: string;
}

export const DEFAULT_DIAL_CODES: DialCodes = {
  login: '*77*',
  logout: '*77*5*',
  voicemail: '*999',
  pickup: '*20*',
};

/**
 * Dial codes that start with `*7` other than the hot-desk codes themselves. While any exists, a hot-desk login
 * call is refused "forbidden", and the console refuses to save it.
 */
export function findHotDeskClashes(codes: DialCodes): Array<keyof DialCodes> {
  const others = (Object.keys(codes) as Array<keyof DialCodes>).filter((key) => key !== 'login' && key !== 'logout');
  return others.filter((key) => codes[key].startsWith('*7'));
}
