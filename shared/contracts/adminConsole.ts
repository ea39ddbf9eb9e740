// The management console (the page at /admin) and the admin API it talks to: paths, the header that marks its
// requests, and the shapes of the answers it reads. The PBX's zod DTOs are checked against these at compile time.

/** Where the web host and the headless PBX serve the console page. */
export const CONSOLE_PATH = '/admin';

/**
 * Every request of the console carries this header (value `1`). With cookie authentication a state-changing request
 * must: a form or a link on another site cannot set it, and a script there cannot either without a CORS preflight the
 * API never grants. It also tells the API not to answer 401 with a Basic challenge (the browser would pop up a dialog).
 */
export const CONSOLE_REQUEST_HEADER = 'X-Hotdesk-Console';

/** `POST /api/v1/session` (sign in) answers, `GET` too: who is signed in and for how long an idle session lasts. */
export interface ConsoleSession {
  user: string;
  idleTimeoutSeconds: number;
}

export interface ApiFieldIssue {
  /** Dotted path of the field in the request body (`sbc.port`, `options.dispatchableLocation.floor`), or `body`. */
  field: string;
  message: string;
}

/** Every error the admin API answers: `{ "error": { … } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: ApiFieldIssue[]; details?: Record<string, unknown> };
}

/** A hot-desking device as `GET /api/v1/devices` answers it (the fields the console reads). */
export interface ConsoleDevice {
  name: string;
  mac: string;
  status: 'idle' | 'logged-in' | 'offline';
  extension: string | null;
  userName: string | null;
  /** ISO 8601. */
  since: string | null;
  lastRegistration: string | null;
  /** The location's short form (what the device's display shows). */
  location: string;
  provisioning: { method: 'pnp' | 'url'; url: string | null };
  sbc: { host: string; port: number } | null;
}

/** A pending plug-and-play request as `GET /api/v1/phones` answers it. */
export interface ConsolePhone {
  mac: string;
  userAgent: string;
  vendor: string | null;
  model: string | null;
  address: string | null;
  firstSeen: string;
  lastSeen: string;
  /** The hot-desking device set up for this MAC, if any. */
  device: string | null;
  fingerprint: string | null;
  keyMismatch: boolean;
}

/** The data of a `device.*` / `phone.*` event: the key, and the item as the API shows it now (null once gone). */
export interface ConsoleChange<T> {
  type: string;
  item: T | null;
}

/** The data of an `emergency-call` event (README, "Emergency calls"), the fields the console reads. */
export interface ConsoleEmergencyCall {
  id: string;
  number: string;
  at: string;
  caller: string;
  device: { name: string; mac: string } | null;
  user: { extension: string; name: string } | null;
  location: { short: string } | null;
}
