import type { ScryptCost } from '../../electron/pbx/core/hotdesk/secretHash';

/** Cheap scrypt parameters, so that tests hashing PINs and admin passwords run fast. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
