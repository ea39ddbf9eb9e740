import { z } from 'zod';
import type { BlfPosition } from '../domain/blfLayout';

const EXTENSION = /^[0-9]{1,10}$/;

/** One position of a user's BLF settings: a monitored extension, a speed dial, a line, or empty. */
export const blfPositionSchema: z.ZodType<BlfPosition> = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('blf'), extension: z.string().regex(EXTENSION), label: z.string().max(64) }),
    z.strictObject({ type: z.literal('speed-dial'), number: z.string().regex(/^\+?[0-9*#]{1,32}$/), label: z.string().max(64) }),
    z.strictObject({ type: z.literal('line'), label: z.string().max(64) }),
  ])
  .nullable();
