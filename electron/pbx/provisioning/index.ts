// Provisioning documents over HTTP: what the composition root wires.
export type { ProvisioningDevice, ProvisioningCredentials, ProvisioningDirectory } from './provisioningPorts';
export { Provisioning } from './provisioning';
