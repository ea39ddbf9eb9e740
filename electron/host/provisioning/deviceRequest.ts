import { deviceAuthorization, httpProofTarget } from '../../../shared/sip/deviceProof';
import { PROVISIONING_PATH_PREFIX } from '../../../shared/sip/plugAndPlay';
import type { DeviceKey } from '../identity/deviceKey';

/**
 * The headers that prove the device key on a request to `url` (README, "Device enrolment"): `Authorization:
 * Hotdesk-Device …` signed over the method and the path with query. Every request the host makes under a PBX's
 * `/provisioning/` goes through here; to anywhere else it sends no proof (no need to show the key around).
 */
export function deviceRequestHeaders(key: DeviceKey, method: string, url: string): Record<string, string> {
  const target = new URL(url);
  if (!target.pathname.startsWith(PROVISIONING_PATH_PREFIX)) return {};
  return { Authorization: deviceAuthorization(key.prove({ scope: 'http', method, target: httpProofTarget(target) })) };
}
