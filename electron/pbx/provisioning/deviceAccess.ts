import type { IncomingMessage } from 'node:http';
import { parseDeviceAuthorization } from '../../../shared/sip/deviceProof';
import { parseProvisioningPath } from '../../../shared/sip/plugAndPlay';
import type { DeviceProofVerifier } from '../core';
import type { ProvisioningDevice } from './provisioningPorts';

export type DeviceAccess =
  | { ok: true; device: ProvisioningDevice; resource: string }
  /** 401: no proof that holds; 403: a proof, but not of this device's enrolled key (or no such device); 503: flooded. */
  | { ok: false; status: 401 | 403 | 503 };

/** A request that proved a key its device is not enrolled to: the console lists it (README, "Device enrolment"). */
export interface ForeignKeySighting {
  device: ProvisioningDevice;
  publicKey: string;
  address: string | null;
  userAgent: string;
}

export interface DeviceAccessDeps {
  proofs: DeviceProofVerifier;
  /** The device a path token belongs to; null for an unknown token. */
  deviceFor(token: string): ProvisioningDevice | null;
  onForeignKey?(sighting: ForeignKeySighting): void;
}

/**
 * The one check in front of every route under `/provisioning/` (README, "Device enrolment"): the request must carry
 * `Authorization: Hotdesk-Device …`, a proof signed over its method and path within the time window, by the key the
 * token's device is enrolled to. Without a proof that holds it is 401 whatever the path; with one, an unknown token,
 * a malformed path and another device's key are the same 403, so tokens cannot be probed. The nonce is spent only
 * when the request is let through, so a stranger's proofs cannot fill the nonce memory.
 */
export function checkDeviceAccess(request: IncomingMessage, pathname: string, deps: DeviceAccessDeps): DeviceAccess {
  const proof = parseDeviceAuthorization(request.headers.authorization);
  const authentic = deps.proofs.authentic(proof, { scope: 'http', method: request.method ?? '', target: request.url ?? '' });
  if (authentic.kind !== 'valid' || proof === null) return { ok: false, status: 401 };
  const path = parseProvisioningPath(pathname);
  const device = path === null ? null : deps.deviceFor(path.token);
  if (path === null || device === null) return { ok: false, status: 403 };
  if (device.publicKey !== proof.key) {
    deps.onForeignKey?.({ device, publicKey: proof.key, address: request.socket.remoteAddress ?? null, userAgent: request.headers['user-agent'] ?? '' });
    return { ok: false, status: 403 };
  }
  const spent = deps.proofs.spend(proof);
  if (spent.kind === 'valid') return { ok: true, device, resource: path.resource };
  return { ok: false, status: spent.kind === 'invalid' && spent.reason === 'busy' ? 503 : 401 };
}
