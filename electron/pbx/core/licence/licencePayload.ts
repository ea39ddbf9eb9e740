import { z } from 'zod';

export const editionSchema = z.enum(['free', 'pro', 'enterprise']);
export type Edition = z.infer<typeof editionSchema>;

/** A date (`2027-01-31`, meaning the whole day, UTC) or an instant (`2027-01-31T12:00:00Z`). */
const whenSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** What a licence grants. Signed by the vendor; the PBX verifies it offline with the public key. */
export const licencePayloadSchema = z.strictObject({
  edition: editionSchema,
  licensee: z.string().min(1).max(200),
  issued: whenSchema,
  expires: whenSchema.optional(),
  maxHotDeskDevices: z.number().int().min(1).max(9999).optional(),
});
export type Licence = z.infer<typeof licencePayloadSchema>;

/** The first instant a licence is no longer valid: a date-only `expires` covers that whole day (UTC). */
export function expiryInstant(licence: Licence): Date | null {
  if (licence.expires === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(licence.expires)) return new Date(Date.parse(`${licence.expires}T00:00:00Z`) + 86_400_000);
  return new Date(licence.expires);
}

export function allowsHotDesking(edition: Edition): boolean {
  return edition === 'pro' || edition === 'enterprise';
}
