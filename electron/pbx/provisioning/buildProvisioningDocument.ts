import { createHash } from 'node:crypto';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../shared/contracts';
import { sipWebSocketUrl } from '../../../shared/sip/sipWebSocket';
import {
  PROVISIONING_DOCUMENT_VERSION,
  provisioningDocumentSchema,
  type ProvisioningContent,
  type ProvisioningDocument,
  type Sbc,
} from '../../../shared/sip/provisioningDocument';
import type { DeviceSipIdentity, ProvisioningCredentials, ProvisioningDevice } from './provisioningPorts';

export interface DocumentInputs {
  device: ProvisioningDevice;
  identity: DeviceSipIdentity;
  /** Credentials of the identity: the pool name's when idle, the user's when logged in. */
  credentials: ProvisioningCredentials;
  /** The PBX's own SIP WebSocket URL; a device with an SBC gets the SBC's instead. */
  webSocketUrl: string;
}

/** The SIP WebSocket of an SBC: `wss://<host>:<port>/sip` (remote offices reach it over the internet, so TLS). */
export function sbcWebSocketUrl(sbc: Sbc): string {
  const host = sbc.host.includes(':') && !sbc.host.startsWith('[') ? `[${sbc.host}]` : sbc.host;
  return sipWebSocketUrl(true, `${host}:${sbc.port}`);
}

/** The document's content, before the PBX stamps it with its ETag and generation time. */
export function buildProvisioningContent(inputs: DocumentInputs): ProvisioningContent {
  const { device, identity, credentials } = inputs;
  const { language, ringTone, autoLogout, ...known } = device.options;
  return {
    version: PROVISIONING_DOCUMENT_VERSION,
    device: { mac: device.mac, poolName: device.name },
    identity: identity.kind === 'pool' ? { kind: 'pool', name: device.name } : { kind: 'user', extension: identity.extension, name: identity.name },
    account: {
      webSocketUrls: [device.sbc ? sbcWebSocketUrl(device.sbc) : inputs.webSocketUrl],
      uri: credentials.uri,
      authUser: credentials.authUser,
      displayName: credentials.displayName,
      credentials: { kind: 'ha1', ha1: credentials.ha1, realm: credentials.realm },
    },
    sbc: device.sbc ? { host: device.sbc.host, port: device.sbc.port } : null,
    // An idle device shows only the (disabled) Logout key.
    blf: identity.kind === 'user' ? identity.blf.map((position) => (position === null ? null : { ...position })) : [],
    options: {
      location: known.location,
      timeZone: known.timeZone,
      timeFormat: known.timeFormat,
      keysPerPage: known.keysPerPage,
      emergencyNumbers: [...known.emergencyNumbers],
      ...(known.callWaiting === undefined ? {} : { callWaiting: known.callWaiting }),
      language: language ?? DEFAULT_HOT_DESK_OPTIONS.language,
      ringTone: ringTone ?? DEFAULT_HOT_DESK_OPTIONS.ringTone,
      autoLogout: { ...(autoLogout ?? DEFAULT_HOT_DESK_OPTIONS.autoLogout) },
    },
    ...(identity.kind === 'user' && identity.since !== undefined ? { session: { since: identity.since } } : {}),
  };
}

/** The ETag of a content: SHA-256 of its JSON (keys in the builder's fixed order), base64url. */
export function contentEtag(content: ProvisioningContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * Stamps a content with its ETag and generation time and validates the result against the schema the device uses,
 * so a bad device record fails here, at the PBX, with the field named — not on the device. Throws on invalid content.
 */
export function stampProvisioningDocument(content: ProvisioningContent, generatedAt: Date): ProvisioningDocument {
  const { version, ...rest } = content;
  return provisioningDocumentSchema.parse({ version, etag: contentEtag(content), generatedAt: generatedAt.toISOString(), ...rest });
}

export function buildProvisioningDocument(inputs: DocumentInputs, generatedAt: Date): ProvisioningDocument {
  return stampProvisioningDocument(buildProvisioningContent(inputs), generatedAt);
}
