/**
 * The PBX's phone directory (README, "Directory"): `GET /directory?q=<name or number>` with HTTP Digest (RFC 7616,
 * MD5) under the SIP realm, answered as a user's SIP account would be; the answer lists names and numbers only.
 */
export const DIRECTORY_PATH = '/directory';
/** At most this many entries in one answer. */
export const DIRECTORY_MAX_RESULTS = 20;
