import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEVICE_PROOF_HTTP_SCHEME } from '../../../shared/sip/deviceProof';
import { PROVISIONING_PATH_PREFIX } from '../../../shared/sip/plugAndPlay';
import { checkDeviceAccess, type DeviceAccessDeps } from './deviceAccess';
import { plain } from './httpReplies';
import type { ProvisioningDevice } from './provisioningPorts';

/** One resource of a device under `/provisioning/<token>`: reached only through checkDeviceAccess. */
export interface ProvisioningRoute {
  /** What follows the token: `.json` for the document, `/<name>` for an action (shared/sip/plugAndPlay.ts). */
  resource: string;
  methods: readonly string[];
  /** Answers for `device`, the one the token names and whose enrolled key signed the request. May throw (500). */
  handle(request: IncomingMessage, response: ServerResponse, device: ProvisioningDevice): void | Promise<void>;
}

export interface ProvisioningHttpDeps extends DeviceAccessDeps {
  routes: readonly ProvisioningRoute[];
  onError?(error: unknown): void;
}

const REFUSALS = {
  401: { text: 'Device proof required', headers: { 'WWW-Authenticate': DEVICE_PROOF_HTTP_SCHEME } },
  403: { text: 'Forbidden', headers: {} },
  503: { text: 'Busy', headers: { 'Retry-After': '60' } },
} as const;

/**
 * Everything under `/provisioning/`: first the device check (checkDeviceAccess), then the route the resource names.
 * Routes see only requests that passed the check — there is no other way in. Returns false for other paths.
 */
export function createProvisioningHttp(deps: ProvisioningHttpDeps): (request: IncomingMessage, response: ServerResponse) => boolean {
  const report = deps.onError ?? ((problem: unknown) => console.error('provisioning request failed:', problem));
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://pbx.invalid').pathname;
    if (!pathname.startsWith(PROVISIONING_PATH_PREFIX)) return false;
    const access = checkDeviceAccess(request, pathname, deps);
    if (!access.ok) {
      const refusal = REFUSALS[access.status];
      plain(response, access.status, refusal.text, refusal.headers);
      return true;
    }
    const route = deps.routes.find((candidate) => candidate.resource === access.resource);
    if (!route) {
      plain(response, 404, 'Not found');
      return true;
    }
    if (!route.methods.includes(request.method ?? '')) {
      plain(response, 405, 'Method not allowed', { Allow: route.methods.join(', ') });
      return true;
    }
    const failed = (error: unknown) => {
      report(error);
      if (!response.headersSent) plain(response, 500, 'The provisioning request failed; see the PBX log');
      else response.destroy();
    };
    try {
      void Promise.resolve(route.handle(request, response, access.device)).catch(failed);
    } catch (error) {
      failed(error);
    }
    return true;
  };
}
