import { z } from 'zod';
import type { DocumentSpec } from '../migrations';
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
  firstSeen: instantSchema,
  lastSeen: instantSchema,
});
export type PendingPhone = z.infer<typeof pendingPhoneSchema>;

export const pendingPhonesDataSchema = z.object({ phones: z.array(pendingPhoneSchema) });
export type PendingPhonesData = z.infer<typeof pendingPhonesDataSchema>;

export const pendingPhonesSpec: DocumentSpec<PendingPhonesData> = {
  kind: 'hotdesk.pending-phones',
  version: 1,
  schema: pendingPhonesDataSchema,
  migrations: {},
  initial: () => ({ phones: [] }),
};
