import { z } from 'zod';
import { bridgeErrorSchema } from './errors';

/** The web host's bridge protocol: JSON text frames over the `/bridge` WebSocket. */
export const wireRequestSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  args: z.array(z.unknown()),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

export const wireServerMessageSchema = z.union([
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(false), error: bridgeErrorSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type WireServerMessage = z.infer<typeof wireServerMessageSchema>;

export const BRIDGE_PATH = '/bridge';
export const MAX_BRIDGE_FRAME_BYTES = 64 * 1024;
