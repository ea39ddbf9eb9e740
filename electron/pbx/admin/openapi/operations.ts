import type { HttpMethod } from '../router';

/** A response as documented: a component schema name (JSON), `csv`, `events`, `openapi`, or no body. */
export interface ResponseDoc {
  description: string;
  body?: string | 'csv' | 'events' | 'openapi';
}

export interface ParameterDoc {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

/** One documented operation. This list is written by hand; a test checks it against the router's table. */
export interface OperationDoc {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
  query?: ParameterDoc[];
  /** Component name of the JSON request body. */
  requestBody?: string;
  responses: Record<number, ResponseDoc>;
}

const P = '/api/v1';
const ok = (body: string, description = 'OK'): ResponseDoc => ({ description, body });
const err = (description: string): ResponseDoc => ({ description, body: 'Error' });
const E400 = err('Invalid request: `error.fields` names each invalid field');
const E403 = err('Needs a PRO or Enterprise licence, or the licence limit is reached');
const E404 = err('No such item');

export const OPERATIONS: OperationDoc[] = [
  { method: 'GET', path: `${P}/openapi.json`, tag: 'API', public: true, summary: 'This document (no credentials needed)', responses: { 200: { description: 'The OpenAPI document', body: 'openapi' } } },

  { method: 'GET', path: `${P}/devices`, tag: 'Hot desking', summary: 'List the hot-desking devices with their live status', responses: { 200: ok('DeviceList') } },
  {
    method: 'POST', path: `${P}/devices`, tag: 'Hot desking', summary: 'Create a hot-desking device (named HDnnnn, next free)', requestBody: 'DeviceCreate',
    responses: { 201: ok('Device', 'Created'), 400: E400, 403: E403, 409: err('The MAC belongs to another device, or an emergency number is an extension, a service or a dial code') },
  },
  { method: 'GET', path: `${P}/devices/{name}`, tag: 'Hot desking', summary: 'One hot-desking device', responses: { 200: ok('Device'), 404: E404 } },
  {
    method: 'PATCH', path: `${P}/devices/{name}`, tag: 'Hot desking', summary: 'Change a device (MAC, provisioning method, SBC, Options); custom templates are refused. A new MAC drops the enrolled key and makes a new document token and new pool credentials', requestBody: 'DevicePatch',
    responses: { 200: ok('Device'), 400: E400, 404: E404, 409: err('The MAC belongs to another device, or an emergency number is an extension, a service or a dial code') },
  },
  { method: 'DELETE', path: `${P}/devices/{name}`, tag: 'Hot desking', summary: 'Delete a hot-desking device', responses: { 204: { description: 'Deleted' }, 404: E404 } },
  {
    method: 'POST', path: `${P}/devices/{name}/logout`, tag: 'Hot desking', summary: "Force-log-out the device's user: it is its idle pool identity again (check-sync); recorded in the login history",
    responses: { 200: ok('Device'), 404: E404, 409: err('Nobody is logged in on the device') },
  },

  {
    method: 'GET', path: `${P}/phones`, tag: 'Phones',
    summary: "Pending plug-and-play requests, each with the fingerprint of the device key it proved; `keyMismatch` flags a request for an enrolled MAC made with another key (it got no provisioning URL)",
    responses: { 200: ok('PhoneList') },
  },
  {
    method: 'POST', path: `${P}/phones/{mac}/assign`, tag: 'Phones',
    summary: "Assign Ext: enrol the hot-desking device set up for the phone's MAC to the key the phone proved, and send it its provisioning URL. Enrolling a device to another key makes a new document token and new pool credentials",
    requestBody: 'PhoneAssign',
    responses: { 200: ok('AssignResult'), 400: E400, 404: E404, 409: err('The device is set up for a different MAC, the phone proved no device key, or its key is not the fingerprint given') },
  },
  { method: 'DELETE', path: `${P}/phones/{mac}`, tag: 'Phones', summary: 'Dismiss a pending request', responses: { 204: { description: 'Dismissed' }, 404: E404 } },

  {
    method: 'GET', path: `${P}/extensions`, tag: 'Extensions', summary: 'List extensions, or search them by number or name (PINs and SIP secrets are never returned)',
    query: [{ name: 'q', description: 'Only extensions whose number contains this, or whose name contains it in any case (at most 64 characters)', schema: { type: 'string', maxLength: 64 } }],
    responses: { 200: ok('ExtensionList'), 400: E400 },
  },
  {
    method: 'POST', path: `${P}/extensions/hot-desking`, tag: 'Extensions', summary: 'Enable (or disable) hot desking for several extensions at once: all of them in one write, or none when one does not exist. Disabling logs the extension out wherever it is', requestBody: 'HotDeskingBulk',
    responses: { 200: ok('ExtensionList'), 400: E400, 404: err('An extension does not exist (error.details.missing lists them); nothing was changed') },
  },
  {
    method: 'POST', path: `${P}/extensions/{ext}/pin`, tag: 'Extensions', summary: 'PIN reset: the PBX makes up a new PIN the PIN policy accepts (at least 6 digits) and answers it this once; only its hash is kept',
    responses: { 200: ok('PinReset'), 404: E404 },
  },
  {
    method: 'POST', path: `${P}/extensions`, tag: 'Extensions', summary: 'Create an extension; the generated SIP password is returned once', requestBody: 'ExtensionCreate',
    responses: { 201: ok('CreatedExtension', 'Created'), 400: E400, 409: err('The extension exists, or the number is an emergency or service number (the message names which)') },
  },
  { method: 'GET', path: `${P}/extensions/{ext}`, tag: 'Extensions', summary: 'One extension', responses: { 200: ok('Extension'), 404: E404 } },
  {
    method: 'PATCH', path: `${P}/extensions/{ext}`, tag: 'Extensions', summary: 'Change name, Enable hot desking, PIN (write-only, policy-checked) or BLF positions; `locked: false` lifts a PIN lockout. Every device the user is logged in on is re-provisioned (check-sync)', requestBody: 'ExtensionPatch',
    responses: { 200: ok('Extension'), 400: E400, 404: E404 },
  },
  { method: 'DELETE', path: `${P}/extensions/{ext}`, tag: 'Extensions', summary: "Delete an extension; the BLF keys watching it become empty positions in the other users' settings, and their logged-in devices are re-provisioned", responses: { 204: { description: 'Deleted' }, 404: E404 } },

  { method: 'GET', path: `${P}/dial-codes`, tag: 'Settings', summary: 'The system dial codes', responses: { 200: ok('DialCodes') } },
  {
    method: 'PUT', path: `${P}/dial-codes`, tag: 'Settings', summary: 'Replace the dial codes; codes other than the hot-desk ones may not start with *7', requestBody: 'DialCodesPut',
    responses: { 200: ok('DialCodes'), 400: E400, 409: err('Clashing dial codes (listed in error.details.clashes)') },
  },
  { method: 'GET', path: `${P}/settings`, tag: 'Settings', summary: 'PBX hot-desk settings', responses: { 200: ok('Settings') } },
  { method: 'PATCH', path: `${P}/settings`, tag: 'Settings', summary: 'Change PBX hot-desk settings: PIN minimum length (4–10), emergency webhook URL and write-only secret, multiple-login policy (logout-other, deny, allow)', requestBody: 'SettingsPatch', responses: { 200: ok('Settings'), 400: E400 } },

  { method: 'GET', path: `${P}/licence`, tag: 'Licence', summary: 'The licence in force', responses: { 200: ok('Licence') } },
  { method: 'PUT', path: `${P}/licence`, tag: 'Licence', summary: 'Install a licence token (verified offline)', requestBody: 'LicenceInstall', responses: { 200: ok('Licence'), 400: E400 } },

  {
    method: 'GET', path: `${P}/prompts`, tag: 'System prompts', summary: 'The system prompt set that plays against the version this PBX requires; an outdated set plays "file not found" for every prompt',
    responses: { 200: ok('PromptSet') },
  },
  {
    method: 'POST', path: `${P}/prompts/update`, tag: 'System prompts', summary: 'Update: install the prompt set shipped with the PBX under its data dir; calls already in progress play the new set from their next prompt',
    responses: { 200: ok('PromptSet'), 409: err('The set shipped with the PBX is itself unusable or could not be copied (the message says why); the installed set is unchanged') },
  },

  {
    method: 'GET', path: `${P}/audit`, tag: 'Audit', summary: 'Login history and admin actions, oldest first (JSON, or CSV with format=csv)',
    query: [
      { name: 'from', description: 'Only events at or after this instant (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
      { name: 'to', description: 'Only events before this instant (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
      { name: 'since', description: 'The same as from', schema: { type: 'string', format: 'date-time' } },
      { name: 'until', description: 'The same as to', schema: { type: 'string', format: 'date-time' } },
      { name: 'extension', description: 'Only events about this extension, e.g. 100', schema: { type: 'string', pattern: '^[0-9]{2,8}$' } },
      { name: 'device', description: 'Only events about this hot-desking device, e.g. HD0001', schema: { type: 'string', pattern: '^HD[0-9]{4}$' } },
      { name: 'kind', description: 'Comma-separated event kinds, e.g. hotdesk.login,hotdesk.logout (also hotdesk.roam, hotdesk.pin-failed, hotdesk.lockout, hotdesk.login-denied, device.created, phone.assigned…)', schema: { type: 'string' } },
      { name: 'limit', description: 'At most this many (the newest)', schema: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
      { name: 'format', description: 'json (default) or csv (RFC 4180, as a download)', schema: { type: 'string', enum: ['json', 'csv'] } },
    ],
    responses: { 200: { description: 'The events', body: 'AuditList' }, 400: E400 },
  },

  {
    method: 'GET', path: `${P}/events`, tag: 'Live updates',
    summary: 'Server-sent events: device.* (device.status on every login and logout), phone.*, extension.* (extension.locked after too many wrong PINs), dial-codes.updated, licence.updated, settings.updated, prompts.updated; `data` is JSON with `type`, the key and `item` (the changed item or null); emergency-call (the call as the emergency webhook receives it), emergency-webhook.failed and emergency-callback (`callId`, `device`, `outcome` answered or failed, `status`, `reason`); a comment heartbeat every 15 s',
    responses: { 200: { description: 'An event stream', body: 'events' }, 503: err('Too many open streams') },
  },

  {
    method: 'POST', path: `${P}/session`, tag: 'Console', public: true, requestBody: 'SessionCreate',
    summary: "The management console's sign-in: sets the session cookie (HttpOnly, SameSite=Strict, Path=/api), which ends on sign-out or after the idle timeout. Needs the header X-Hotdesk-Console: 1, as does every state-changing request made with the cookie",
    responses: { 201: ok('Session', 'Signed in'), 400: E400, 401: err('Wrong user name or password'), 403: err('The X-Hotdesk-Console header is missing, or the request came from another site'), 429: err('Too many failed logins from this address (Retry-After)') },
  },
  { method: 'GET', path: `${P}/session`, tag: 'Console', summary: 'Who is signed in (with the cookie or HTTP Basic), and the idle timeout', responses: { 200: ok('Session') } },
  {
    method: 'DELETE', path: `${P}/session`, tag: 'Console', public: true,
    summary: 'Sign out: ends the session the cookie names (its event streams close) and clears the cookie',
    responses: { 204: { description: 'Signed out' }, 403: err('The X-Hotdesk-Console header is missing, or the request came from another site') },
  },
  {
    method: 'POST', path: `${P}/emergency/{id}/callback`, tag: 'Emergency',
    summary: 'The demo emergency operator calls back the desk of an emergency call of the last 30 minutes (`id` from its emergency-call event): the desk\'s phone rings whatever identity it has now, with `Priority: emergency`; the outcome follows as an emergency-callback event; recorded in the audit log',
    responses: { 202: ok('EmergencyCallback', 'Ringing the desk'), 404: err('No emergency call with this id in the last 30 minutes'), 409: err('The desk is offline (its phone is not registered), or the operator is calling it already') },
  },
];
