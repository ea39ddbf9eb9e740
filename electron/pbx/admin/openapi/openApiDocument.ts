import { z } from 'zod';
import {
  assignResultSchema,
  createdExtensionDtoSchema,
  deviceDtoSchema,
  errorDtoSchema,
  extensionDtoSchema,
  licenceDtoSchema,
  phoneDtoSchema,
  pinResetDtoSchema,
  promptSetDtoSchema,
  sessionDtoSchema,
  settingsDtoSchema,
} from '../dto';
import {
  deviceCreateSchema,
  devicePatchSchema,
  dialCodesPutSchema,
  extensionCreateSchema,
  extensionPatchSchema,
  hotDeskingBulkSchema,
  licenceInstallSchema,
  phoneAssignSchema,
  sessionCreateSchema,
  settingsPatchSchema,
} from '../schemas';
import { auditEventSchema, dialCodesSchema } from '../../store';
import { OPERATIONS, type OperationDoc, type ResponseDoc } from './operations';

/** Request bodies (documented as the API accepts them) and responses (as it answers), by component name. */
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  DeviceCreate: deviceCreateSchema,
  DevicePatch: devicePatchSchema,
  PhoneAssign: phoneAssignSchema,
  ExtensionCreate: extensionCreateSchema,
  ExtensionPatch: extensionPatchSchema,
  HotDeskingBulk: hotDeskingBulkSchema,
  DialCodesPut: dialCodesPutSchema,
  SettingsPatch: settingsPatchSchema,
  LicenceInstall: licenceInstallSchema,
  SessionCreate: sessionCreateSchema,
};

const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  Device: deviceDtoSchema,
  DeviceList: z.object({ devices: z.array(deviceDtoSchema) }),
  Phone: phoneDtoSchema,
  PhoneList: z.object({ phones: z.array(phoneDtoSchema) }),
  AssignResult: assignResultSchema,
  Extension: extensionDtoSchema,
  ExtensionList: z.object({ extensions: z.array(extensionDtoSchema) }),
  CreatedExtension: createdExtensionDtoSchema,
  PinReset: pinResetDtoSchema,
  PromptSet: promptSetDtoSchema,
  DialCodes: dialCodesSchema,
  Settings: settingsDtoSchema,
  Licence: licenceDtoSchema,
  AuditEvent: auditEventSchema,
  AuditList: z.object({ events: z.array(auditEventSchema) }),
  Session: sessionDtoSchema,
  EmergencyCallback: z.object({ callId: z.string(), device: z.string(), ringing: z.string().describe('The identity the desk\'s phone is registered as') }),
  Error: errorDtoSchema,
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function response(doc: ResponseDoc): Record<string, unknown> {
  if (doc.body === undefined) return { description: doc.description };
  if (doc.body === 'csv') return { description: doc.description, content: { 'text/csv': { schema: { type: 'string' } } } };
  if (doc.body === 'events') return { description: doc.description, content: { 'text/event-stream': { schema: { type: 'string' } } } };
  if (doc.body === 'openapi') return { description: doc.description, content: { 'application/json': { schema: { type: 'object' } } } };
  if (doc.body === 'AuditList') {
    return {
      description: doc.description,
      content: { 'application/json': { schema: ref('AuditList') }, 'text/csv': { schema: { type: 'string' } } },
    };
  }
  return { description: doc.description, content: { 'application/json': { schema: ref(doc.body) } } };
}

function pathParameters(path: string): Array<Record<string, unknown>> {
  return [...path.matchAll(/\{([a-zA-Z]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: { name: 'Pool name, e.g. HD0001', mac: 'MAC address, e.g. 02:00:00:00:00:04', ext: 'Extension number, e.g. 100', id: 'Emergency call id, from its emergency-call event' }[name ?? ''] ?? name,
    schema: { type: 'string' },
  }));
}

function operation(doc: OperationDoc): Record<string, unknown> {
  const parameters = [...pathParameters(doc.path), ...(doc.query ?? []).map((query) => ({ ...query, in: 'query', required: false }))];
  const responses: Record<string, unknown> = Object.fromEntries(Object.entries(doc.responses).map(([status, body]) => [status, response(body)]));
  if (!doc.public) responses['401'] = { $ref: '#/components/responses/Unauthorized' };
  if (doc.requestBody) {
    responses['413'] = { $ref: '#/components/responses/TooLarge' };
    responses['415'] = { $ref: '#/components/responses/NotJson' };
  }
  return {
    summary: doc.summary,
    tags: [doc.tag],
    operationId: `${doc.method.toLowerCase()}${doc.path.replace('/api/v1', '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_all, letter: string) => letter.toUpperCase())}`,
    ...(doc.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: ref(doc.requestBody) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the admin API, served at /api/v1/openapi.json. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of OPERATIONS) (paths[doc.path] ??= {})[doc.method.toLowerCase()] = operation(doc);
  const schemas = {
    ...Object.fromEntries(Object.entries(REQUEST_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema, 'input')])),
    ...Object.fromEntries(Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema, 'output')])),
  };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hotdesk admin API',
      version: '1.0.0',
      description:
        'Manage the embedded PBX: hot-desking devices, pending plug-and-play phones, extensions, dial codes, system prompts, licence, ' +
        'audit log and live updates. Errors are `{ "error": { "code", "message" } }`, with `fields` for invalid input. ' +
        'Request bodies are JSON of at most 64 KiB; unknown fields are refused.',
    },
    servers: [{ url: '/' }],
    security: [{ basicAuth: [] }, { consoleSession: [] }],
    tags: ['API', 'Hot desking', 'Phones', 'Extensions', 'Settings', 'System prompts', 'Licence', 'Audit', 'Live updates', 'Console', 'Emergency'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        basicAuth: { type: 'http', scheme: 'basic', description: 'Demo mode: admin / admin. Site mode: printed once at first start.' },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hotdesk_console_<port>',
          description: 'The management console\'s session (POST /api/v1/session); state-changing requests with it need X-Hotdesk-Console: 1',
        },
      },
      schemas,
      responses: {
        Unauthorized: errorResponse('Missing or wrong credentials (WWW-Authenticate: Basic realm="Hotdesk"); 429 after repeated failures'),
        TooLarge: errorResponse('The request body is larger than 64 KiB'),
        NotJson: errorResponse('The request body is not application/json'),
      },
    },
  };
}
