import { z } from 'zod';
import type { DocumentSpec } from '../migrations';
import { extensionNumberSchema, instantSchema, secretHashSchema, sipSecretSchema } from './common';

/** One position of a user's BLF settings (shared/domain/blfLayout BlfPosition); null is an empty position. */
export const blfPositionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('blf'), extension: extensionNumberSchema, label: z.string().max(32) }),
    z.object({ type: z.literal('speed-dial'), number: z.string().regex(/^[0-9*#+]{1,32}$/, 'must be a dialable number'), label: z.string().max(32) }),
    z.object({ type: z.literal('line'), label: z.string().max(32) }),
  ])
  .nullable();

export const MAX_BLF_POSITIONS = 96;

export const extensionRecordSchema = z.object({
  extension: extensionNumberSchema,
  name: z.string().min(1).max(64),
  hotDesking: z.boolean(),
  /** The hot-desk / voicemail PIN as a salted scrypt hash; null when none is set (hot-desk login then refused). */
  pin: secretHashSchema.nullable(),
  sip: sipSecretSchema,
  blf: z.array(blfPositionSchema).max(MAX_BLF_POSITIONS),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ExtensionRecord = z.infer<typeof extensionRecordSchema>;

export const extensionsDataSchema = z.object({ extensions: z.array(extensionRecordSchema) });
export type ExtensionsData = z.infer<typeof extensionsDataSchema>;

export const extensionsSpec: DocumentSpec<ExtensionsData> = {
  kind: 'hotdesk.extensions',
  version: 1,
  schema: extensionsDataSchema,
  migrations: {},
  initial: () => ({ extensions: [] }),
};
