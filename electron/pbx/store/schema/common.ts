import { z } from 'zod';
import type { Mac } from '../../../../shared/domain/mac';
import { POOL_NAME } from '../../../../shared/domain/poolName';

/** ISO 8601 instant as written by Date.prototype.toISOString. */
export const instantSchema = z.iso.datetime();
/** A MAC in canonical form (typed as the branded `Mac`, still a plain string schema so it converts to JSON Schema). */
export const canonicalMacSchema = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'must be a MAC like 02:00:00:00:00:01') as unknown as z.ZodType<Mac>;
export const poolNameSchema = z.string().regex(POOL_NAME, 'must be a pool name like HD0001');
export const extensionNumberSchema = z.string().regex(/^[0-9]{2,8}$/, 'must be 2–8 digits');

/** A SIP secret as the PBX keeps it: HA1 = MD5(user:realm:password), never the password. */
export const sipSecretSchema = z.object({
  ha1: z.string().regex(/^[0-9a-f]{32}$/),
  realm: z.string().min(1),
});
export type SipSecret = z.infer<typeof sipSecretSchema>;

/** A salted slow hash (scrypt) of a PIN or password, with the cost parameters it was made with. */
export const secretHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().regex(/^[A-Za-z0-9_-]{16,}$/),
  hash: z.string().regex(/^[A-Za-z0-9_-]{32,}$/),
});
export type SecretHash = z.infer<typeof secretHashSchema>;
