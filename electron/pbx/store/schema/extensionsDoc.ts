import { z } from 'zod';
import { MAX_BLF_POSITIONS } from '../../../../shared/domain/blfLayout';
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

export { MAX_BLF_POSITIONS };

export const extensionRecordSchema = z.object({
  extension: extensionNumberSchema,
  name: z.string().min(1).max(64),
  hotDesking: z.boolean(),
  /** The hot-desk / voicemail PIN as a salted scrypt hash; null when none is set (hot-desk login then refused). */
  pin: secretHashSchema.nullable(),
  sip: sipSecretSchema,
  blf: z.array(blfPositionSchema).max(MAX_BLF_POSITIONS),
  /** Hot-desk login is locked until then after too many wrong PINs; null when not locked. */
  lockedUntil: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ExtensionRecord = z.infer<typeof extensionRecordSchema>;

export const extensionsDataSchema = z.object({ extensions: z.array(extensionRecordSchema) });
export type ExtensionsData = z.infer<typeof extensionsDataSchema>;

/** Version 2 adds the PIN lockout; no extension of a version 1 file is locked. */
function migrateV1(data: unknown): unknown {
  const extensions = (data as { extensions?: unknown }).extensions;
  if (!Array.isArray(extensions)) throw new Error('expected { extensions: [...] }');
  return { extensions: extensions.map((record: unknown) => ({ ...(record as object), lockedUntil: null })) };
}

export const extensionsSpec: DocumentSpec<ExtensionsData> = {
  kind: 'hotdesk.extensions',
  version: 2,
  schema: extensionsDataSchema,
  migrations: { 1: migrateV1 },
  initial: () => ({ extensions: [] }),
};
