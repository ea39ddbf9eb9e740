import type { AuditInput, CallbackRequest, HotDesk } from '../core';
import type { PromptSetStatus } from '../media';
import type { DeviceRecord } from '../store';
import { deviceDto, type DeviceDto, type DeviceLiveState } from './dto';
import type { EventStreams } from './eventStream';

/** What the rest of the PBX tells the admin API, and what it wants to hear about. All optional. */
export interface AdminApiHooks {
  /** Whether the device is registered (idle when no one is logged in); without it every device is `offline`. */
  isRegistered?(name: string): boolean;
  /** The hot-desk session on a device, if a user is logged in. */
  sessionOf?(name: string): { extension: string; since: Date } | null;
  /** When the device (its pool identity or the user logged in on it) last registered; null when not since the start. */
  lastRegistration?(name: string): Date | null;
  /**
   * Force-logs-out the device's user (admin "Logout") on behalf of the admin user `actor`, recording it in the login
   * history; `not-logged-in` when nobody is.
   */
  logout?(name: string, actor: string): Promise<'logged-out' | 'not-logged-in'> | 'logged-out' | 'not-logged-in';
  /** A pending phone was assigned to a device ("Assign Ext"): send it the provisioning URL (PnP NOTIFY). */
  onAssigned?(mac: string, deviceName: string): void;
  /** A device's provisioning document changed (options, SBC, MAC) or the device was deleted: check-sync it. */
  onDeviceChanged?(name: string): void;
  /** The device's provisioning URL (served by the provisioning service), shown to the admin; null when unknown. */
  provisioningUrl?(device: DeviceRecord): string | null;
  /** The emergency operator calls back the desk of emergency call `id` (README, "Emergency calls"). */
  emergencyCallback?(id: string): CallbackRequest;
}

/** The PBX's system prompt set: what is installed against what is required, and Update (PromptInstallation). */
export interface PromptAdmin {
  describe(): PromptSetStatus;
  update(): Promise<PromptSetStatus>;
}

export interface ApiContext {
  hotDesk: HotDesk;
  hooks: AdminApiHooks;
  prompts: PromptAdmin;
  streams: EventStreams;
  liveState(name: string): DeviceLiveState;
  deviceDto(device: DeviceRecord): DeviceDto;
  /** Appends an admin action to the audit log; a failure is logged, never turned into a failed request. */
  audit(actor: string, input: AuditInput): Promise<void>;
}

export function createApiContext(hotDesk: HotDesk, hooks: AdminApiHooks, streams: EventStreams, prompts: PromptAdmin): ApiContext {
  const liveState = (name: string): DeviceLiveState => {
    const session = hooks.sessionOf?.(name) ?? null;
    const lastRegistration = hooks.lastRegistration?.(name) ?? null;
    if (session) {
      const userName = hotDesk.extensions.get(session.extension)?.name ?? null;
      return { status: 'logged-in', extension: session.extension, userName, since: session.since, lastRegistration };
    }
    return { status: hooks.isRegistered?.(name) ? 'idle' : 'offline', extension: null, userName: null, since: null, lastRegistration };
  };
  return {
    hotDesk,
    hooks,
    prompts,
    streams,
    liveState,
    deviceDto: (device) => deviceDto(device, liveState(device.name), hooks.provisioningUrl?.(device) ?? null),
    async audit(actor, input) {
      try {
        await hotDesk.audit.append({ actor, ...input });
      } catch (error) {
        console.error(`audit: could not record ${input.kind}:`, error);
      }
    },
  };
}

/** Calls a hook without letting its failure fail the request that triggered it. */
export function callHook(name: string, hook: (() => void) | undefined): void {
  if (!hook) return;
  try {
    hook();
  } catch (error) {
    console.error(`admin API: the ${name} hook failed:`, error);
  }
}
