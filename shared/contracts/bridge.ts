import { z } from 'zod';
import { deviceViewSchema, phoneAccountSchema } from './device';
import { logoutReasonSchema } from '../sip/provisioningLogout';
import { provisioningStatusSchema } from '../sip/provisioningStatus';
import type { RequestName } from './requestNames';
import { callHistoryChangeSchema, callHistorySchema, directoryQuerySchema, directoryResultSchema } from './callHistory';
import { adminAuthSchema, modeSchema, settingsPatchSchema, settingsSchema } from './settings';

export { REQUEST_NAMES, isRequestName, type RequestName } from './requestNames';

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  mode: modeSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * What a device-initiated hot-desk logout came to: `logged-out` (the PBX confirmed it), `pending` (the PBX was
 * unreachable: the device shows its idle identity and finishes the logout when the PBX answers), `not-logged-in`, or
 * `unsupported` (the provisioning server offers no logout; the phone dials the logout code instead).
 */
export const logoutResultSchema = z.object({ outcome: z.enum(['logged-out', 'pending', 'not-logged-in', 'unsupported']) });
export type LogoutResult = z.infer<typeof logoutResultSchema>;

/** The recent calls etc. of the identity the device has now (`identity`: its identityKey; null: none). */
export const identityHistorySchema = z.strictObject({ identity: z.string().max(300).nullable(), history: callHistorySchema });
export type IdentityHistory = z.infer<typeof identityHistorySchema>;

/** Every request the renderer can make of the device host: argument tuple and result, both validated. */
export const requestSchemas = {
  'app.info': { args: z.tuple([]), result: appInfoSchema },
  'device.view': { args: z.tuple([]), result: deviceViewSchema },
  'device.logout': { args: z.tuple([logoutReasonSchema]), result: logoutResultSchema },
  'phone.account': { args: z.tuple([]), result: phoneAccountSchema.nullable() },
  'provisioning.resync': { args: z.tuple([]), result: provisioningStatusSchema.nullable() },
  'settings.get': { args: z.tuple([]), result: settingsSchema },
  /** Checks the admin PIN before the settings screen opens in kiosk mode; counts towards the lockout like any check. */
  'settings.unlock': { args: z.tuple([adminAuthSchema]), result: z.object({ unlocked: z.literal(true) }) },
  /** The admin PIN goes in the second argument when the patch touches a field it guards. */
  'settings.update': { args: z.tuple([settingsPatchSchema, adminAuthSchema.optional()]), result: settingsSchema },
  'history.get': { args: z.tuple([]), result: identityHistorySchema },
  /** The first argument is the identity the change is about; a change for another identity is dropped. */
  'history.change': { args: z.tuple([z.string().max(300), callHistoryChangeSchema]), result: identityHistorySchema },
  /** Searches the phone system's directory with the credentials of the device's current identity. */
  'directory.search': { args: z.tuple([directoryQuerySchema]), result: directoryResultSchema },
} as const satisfies Record<RequestName, { args: z.ZodTypeAny; result: z.ZodTypeAny }>;

/** Every event the device host pushes to the renderer. */
export const eventSchemas = {
  'device.changed': deviceViewSchema,
  'settings.changed': settingsSchema,
  /** Another page of the same device changed the history, or the host wiped it. */
  'history.changed': identityHistorySchema,
} as const;

export type RequestArgs<N extends RequestName> = z.infer<(typeof requestSchemas)[N]['args']>;
export type RequestResult<N extends RequestName> = z.infer<(typeof requestSchemas)[N]['result']>;
export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export type BridgeEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];


/** The one interface the renderer sees, whichever host it runs in. */
export interface Bridge {
  invoke<N extends RequestName>(name: N, ...args: RequestArgs<N>): Promise<RequestResult<N>>;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}

/** What the Electron preload exposes on `window.hotdesk` (untyped at the boundary, typed by the renderer's adapter). */
export interface PreloadApi {
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  onEvent(listener: (event: { name: string; payload: unknown }) => void): () => void;
}
