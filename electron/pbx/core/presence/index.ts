// The presence services of the core: SIP plug-and-play (RFC 6080 ua-profile) and check-sync reprovisioning.
export type { PendingPhone, ProfileDirectory } from './profilePorts';
export type { UaProfileOptions } from './uaProfile';
export { UaProfileService, UA_PROFILE_MAX_EXPIRES, UA_PROFILE_MIN_EXPIRES } from './uaProfile';
export type { CheckSyncOptions, CheckSyncOutcome } from './checkSync';
export { CheckSync } from './checkSync';
