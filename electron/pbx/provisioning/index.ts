// Provisioning documents over HTTP: what the composition root wires.
export type { ProvisioningDevice, ProvisioningCredentials, ProvisioningDirectory } from './provisioningPorts';
export { Provisioning } from './provisioning';
// The phone directory a device searches with its user's SIP credentials.
export { createDirectoryHttp, searchDirectory, type DirectoryEntryView } from './directoryHttp';
