/** How long after a login the device's registration as the user is attributed to it. */
export const REGISTRATION_CLAIM_MS = 120_000;

/**
 * Which SIP flows (WebSocket connections) belong to which hot-desking device. The registrar knows flows by the SIP
 * user that registered over them; a logged-in device registers as its user, like any other phone of that user. So a
 * flow is the device's when its pool identity registered or called over it, or when it is the first to register
 * the user just after that user logged in on the device (the device re-registers as the user at once on check-sync).
 * Logout then drops the user's registrations from that device's flows, and no other phone of the user's.
 */
export class DeviceFlows {
  private readonly deviceByFlow = new Map<string, string>();
  /** extension → devices the user just logged in on, with the time the claim runs out. */
  private readonly claims = new Map<string, Array<{ device: string; until: number }>>();

  constructor(private readonly now: () => number) {}

  /** The device's pool identity is registered or calling over `flowId`. */
  poolSeen(deviceName: string, flowId: string): void {
    this.deviceByFlow.set(flowId, deviceName);
  }

  /** The user just logged in on the device: its next new registration as the user comes from the device. */
  expectRegistration(deviceName: string, extension: string): void {
    const now = this.now();
    const open = (this.claims.get(extension) ?? []).filter((claim) => claim.until > now && claim.device !== deviceName);
    this.claims.set(extension, [...open, { device: deviceName, until: now + REGISTRATION_CLAIM_MS }]);
  }

  /** A binding of `user` was added over `flowId`; attributes the flow to the device waiting for that user, if any. */
  userRegistered(user: string, flowId: string): void {
    if (this.deviceByFlow.has(flowId)) return;
    const now = this.now();
    const open = (this.claims.get(user) ?? []).filter((claim) => claim.until > now);
    const [claim, ...rest] = open;
    if (rest.length === 0) this.claims.delete(user);
    else this.claims.set(user, rest);
    if (claim) this.deviceByFlow.set(flowId, claim.device);
  }

  deviceOf(flowId: string): string | null {
    return this.deviceByFlow.get(flowId) ?? null;
  }

  flowsOf(deviceName: string): string[] {
    return [...this.deviceByFlow].filter(([, device]) => device === deviceName).map(([flowId]) => flowId);
  }

  /** The device's user session ended: a pending claim for it is void. */
  sessionEnded(deviceName: string, extension: string): void {
    const open = (this.claims.get(extension) ?? []).filter((claim) => claim.device !== deviceName);
    if (open.length === 0) this.claims.delete(extension);
    else this.claims.set(extension, open);
  }

  flowClosed(flowId: string): void {
    this.deviceByFlow.delete(flowId);
  }
}
