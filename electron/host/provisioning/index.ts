// The device host's provisioning client: what services.ts and the bridge use.
export type { HostProvisioningOptions } from './provisioningClients';
export { ProvisioningClients } from './provisioningClients';
export type { ProvisioningState, ProvisioningClientOptions, PnpStarter } from './provisioningClient';
export { ProvisioningClient, PROVISIONING_FAILURE } from './provisioningClient';
export { deviceRequestHeaders } from './deviceRequest';
export { phoneAccountFromDocument, identityFromDocument, deviceOptionsFromDocument, provisioningStatusFromState } from './documentView';
export type { PnpSubscriberOptions, PnpState } from './pnpSubscriber';
export { PnpSubscriber } from './pnpSubscriber';
export type { StoredProvisioning, ProvisioningDocumentStore } from './documentStore';
export { FileDocumentStore } from './documentStore';
export { fetchProvisioningDocument, DocumentGoneError, type FetchOutcome } from './fetchDocument';
