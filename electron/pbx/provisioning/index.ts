// Provisioning documents over HTTP (issue 4): what the composition root wires.
export type { ProvisioningDevice, DeviceSipIdentity, ProvisioningCredentials, ProvisioningDirectory, DeviceTokens } from './provisioningPorts';
export type { ProvisioningOptions } from './provisioning';
export { Provisioning } from './provisioning';
export type { RequestOrigin, ProvisioningHttpDeps } from './provisioningHttp';
export { createProvisioningHttp } from './provisioningHttp';
export type { DocumentInputs } from './buildProvisioningDocument';
export { buildProvisioningDocument, buildProvisioningContent, contentEtag, sbcWebSocketUrl, SIP_WEBSOCKET_PATH } from './buildProvisioningDocument';
export { ProvisioningTokens, hmacDeviceTokens, loadOrCreateProvisioningSecret, PROVISIONING_SECRET_FILE } from './provisioningTokens';
