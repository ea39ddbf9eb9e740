import { z } from 'zod';
import type { DocumentSpec } from '../migrations';
import { DEVICE_PUBLIC_KEY } from '../../../../shared/sip/deviceProof';
import { canonicalMacSchema, instantSchema } from './common';

/** A phone that asked for its profile by plug-and-play and is not assigned yet (the console's "Phones" list). */
export const pendingPhoneSchema = z.object({
  mac: canonicalMacSchema,
  userAgent: z.string().max(256),
  vendor: z.string().max(128).nullable(),
  model: z.string().max(128).nullable(),
  firmware: z.string().max(128).nullable(),
  /** Where the request came from (IP address or WebSocket peer), if known. */
  address: z.string().max(128).nullable(),
  /** The device key the phone proved it holds (README, "Device enrolment"); null when it sent none. */
  publicKey: z.string().regex(DEVICE_PUBLIC_KEY).nullable(),
  firstSeen: instantSchema,
  lastSeen: instantSchema,
});
export type PendingPhone = z.infer<typeof pendingPhoneSchema>;

export const pendingPhonesDataSchema = z.object({ phones: z.array(pendingPhoneSchema) });
export type PendingPhonesData = z.infer<typeof pendingPhonesDataSchema>;

function migrateV1(data: unknown): unknown {
  const phones = (data as { phones?: unknown })?.phones;
  if (!Array.isArray(phones)) throw new Error('expected { phones: [...] }');
  return { phones: phones.map((phone: unknown) => ({ ...(phone as object), publicKey: null })) };
}

export const pendingPhonesSpec: DocumentSpec<PendingPhonesData> = {
  kind: 'hotdesk.pending-phones',
  version: 2,
  schema: pendingPhonesDataSchema,
  // Version 2 adds the proved device key; phones listed before that proved none.
  migrations: { 1: migrateV1 },
  initial: () => ({ phones: [] }),
};
