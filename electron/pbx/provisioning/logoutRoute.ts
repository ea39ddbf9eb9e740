import type { IncomingMessage } from 'node:http';
import { type LogoutReason, logoutRequestBodySchema } from '../../../shared/sip/provisioningLogout';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { originOf, sendDocument, type RequestOrigin } from './documentRoute';
import { plain } from './httpReplies';
import type { ProvisioningRoute } from './provisioningHttp';
import type { ProvisioningDevice } from './provisioningPorts';

/** The body is `{"reason":"user"}`: anything past a kibibyte is not a logout request. */
export const MAX_LOGOUT_BODY_BYTES = 1024;

export interface LogoutRouteDeps {
  /** Logs the device's user out; false when nobody was logged in. */
  logout(deviceName: string, reason: LogoutReason): Promise<boolean>;
  build(device: ProvisioningDevice, origin: RequestOrigin | null): ProvisioningDocument;
}

/**
 * `POST /provisioning/<token>/logout` with `{"reason":"user"|"auto"}` (shared/sip/provisioningLogout): the device
 * logs its user out itself (the Logout key, an auto-logout timer). 200 with the device's new, idle document; 409 with
 * its current document when nobody was logged in, or the logout was deferred (README, "Emergency calls").
 */
export function logoutRoute(deps: LogoutRouteDeps): ProvisioningRoute {
  return {
    resource: '/logout',
    methods: ['POST'],
    async handle(request, response, device) {
      const body = await readLogoutBody(request);
      if (!body.ok) {
        plain(response, body.status, body.message);
        return;
      }
      const loggedOut = await deps.logout(device.name, body.reason);
      sendDocument(request, response, loggedOut ? 200 : 409, deps.build(device, originOf(request)));
    },
  };
}

type LogoutBody = { ok: true; reason: LogoutReason } | { ok: false; status: 400 | 413 | 415; message: string };

async function readLogoutBody(request: IncomingMessage): Promise<LogoutBody> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    return { ok: false, status: 415, message: 'The body must be JSON (Content-Type: application/json)' };
  }
  const text = await readBounded(request, MAX_LOGOUT_BODY_BYTES);
  if (text === null) return { ok: false, status: 413, message: `The body is larger than ${MAX_LOGOUT_BODY_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'The body is not valid JSON' };
  }
  const parsed = logoutRequestBodySchema.safeParse(json);
  return parsed.success ? { ok: true, reason: parsed.data.reason } : { ok: false, status: 400, message: 'The body must be {"reason":"user"} or {"reason":"auto"}' };
}

/** The body as text, or null when it is longer than `maxBytes` (the rest is read and dropped, so the answer still goes out). */
function readBounded(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > 64 * maxBytes) request.destroy();
    });
    request.once('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
    request.once('close', () => resolve(null)); // cut off (no-op after 'end')
  });
}
