import { z } from 'zod';

/** How many finished calls a device keeps for its current identity. */
export const MAX_RECENT_CALLS = 50;
/** The longest directory query the device sends (a name or a number, typed). */
export const MAX_DIRECTORY_QUERY = 40;

/**
 * One finished call in the recent calls: `answered`, `missed` (incoming, nobody answered — also one refused by Do not
 * disturb) or `unanswered` (outgoing, never answered).
 */
export const callRecordSchema = z.strictObject({
  id: z.string().min(1).max(100),
  direction: z.enum(['outgoing', 'incoming']),
  number: z.string().max(64),
  name: z.string().max(128),
  outcome: z.enum(['answered', 'missed', 'unanswered']),
  /** Epoch ms the call ended. */
  at: z.number().int().nonnegative(),
  /** Whole seconds from answer to hang-up; 0 for a call never answered. */
  durationS: z.number().int().min(0).max(7 * 24 * 3600),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/**
 * What a device remembers for the identity it has now (README, "Recent calls"): recent calls, the Redial number, the
 * missed calls not yet looked at, and Do not disturb. The device host keeps it on disk and wipes it when the identity
 * changes.
 */
export const callHistorySchema = z.strictObject({
  calls: z.array(callRecordSchema).max(MAX_RECENT_CALLS),
  redialNumber: z.string().min(1).max(64).nullable(),
  missedUnseen: z.number().int().min(0).max(MAX_RECENT_CALLS),
  doNotDisturb: z.boolean(),
});
export type CallHistory = z.infer<typeof callHistorySchema>;

export const EMPTY_CALL_HISTORY: CallHistory = { calls: [], redialNumber: null, missedUnseen: 0, doNotDisturb: false };

/** A change the phone asks for; `identity` (see identityKey) is who it is about, so a late one never lands on the next user. */
export const callHistoryChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('record'), call: callRecordSchema }),
  z.strictObject({ kind: z.literal('dialled'), number: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('seen') }),
  z.strictObject({ kind: z.literal('do-not-disturb'), on: z.boolean() }),
]);
export type CallHistoryChange = z.infer<typeof callHistoryChangeSchema>;

/** One entry of the PBX's directory as the device sees it: a name and a number, nothing else. */
export const directoryEntrySchema = z.strictObject({ number: z.string().regex(/^[0-9*#+]{1,32}$/), name: z.string().max(128) });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** `unavailable`: this device's phone system offers no directory (a manual account on another PBX, an idle device). */
export const directoryResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), entries: z.array(directoryEntrySchema).max(50) }),
  z.strictObject({ status: z.literal('unavailable') }),
]);
export type DirectoryResult = z.infer<typeof directoryResultSchema>;

export const directoryQuerySchema = z.string().max(MAX_DIRECTORY_QUERY);
