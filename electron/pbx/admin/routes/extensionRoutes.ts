import { type ExtensionPatch, HotDeskError } from '../../core';
import type { ApiContext } from '../apiContext';
import { extensionDto } from '../dto';
import { API_PREFIX, route, type Route } from '../router';
import { validationError } from '../http/apiError';
import { extensionCreateSchema, extensionPatchSchema, extensionQuerySchema, hotDeskingBulkSchema } from '../schemas';

function extensionOr404(context: ApiContext, extension: string | undefined) {
  const record = extension !== undefined && /^[0-9]{2,8}$/.test(extension) ? context.hotDesk.extensions.get(extension) : null;
  if (!record) throw new HotDeskError('not-found', `No extension ${String(extension).slice(0, 40)}`);
  return record;
}

/** The audit detail of an extension change: which fields, never the PIN. */
function describePatch(patch: ExtensionPatch): string {
  return Object.keys(patch)
    .map((key) => {
      if (key === 'pin') return patch.pin === null ? 'pin cleared' : 'pin changed';
      return key === 'locked' ? 'unlocked hot-desk login' : key;
    })
    .join(', ');
}

export function extensionRoutes(context: ApiContext): Route[] {
  const { extensions } = context.hotDesk;
  return [
    route({
      method: 'GET',
      path: `${API_PREFIX}/extensions`,
      async handle({ query }) {
        const parsed = extensionQuerySchema.safeParse(Object.fromEntries(query));
        if (!parsed.success) throw validationError('query', parsed.error);
        // The demo PINs are hashed after the start; the console shows them set, as they are for every login.
        await extensions.seedPinsReady();
        const found = extensions.search(parsed.data.q ?? '');
        return { status: 200, json: { extensions: found.map((record) => extensionDto(record, context.hotDesk.now())) } };
      },
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/extensions`,
      body: extensionCreateSchema,
      async handle({ body, actor }) {
        const { record, sipPassword } = await extensions.create(body);
        await context.audit(actor, { kind: 'extension.created', extension: record.extension, detail: record.name });
        return {
          status: 201,
          json: { ...extensionDto(record, context.hotDesk.now()), sipPassword },
          headers: { Location: `${API_PREFIX}/extensions/${record.extension}` },
        };
      },
    }),
    route({
      method: 'GET',
      path: `${API_PREFIX}/extensions/{ext}`,
      async handle({ params }) {
        await extensions.seedPinsReady();
        return { status: 200, json: extensionDto(extensionOr404(context, params.ext), context.hotDesk.now()) };
      },
    }),
    route({
      method: 'PATCH',
      path: `${API_PREFIX}/extensions/{ext}`,
      body: extensionPatchSchema,
      async handle({ params, body, actor }) {
        const extension = extensionOr404(context, params.ext).extension;
        const record = await extensions.update(extension, body);
        await context.audit(actor, { kind: 'extension.updated', extension, detail: describePatch(body) });
        return { status: 200, json: extensionDto(record, context.hotDesk.now()) };
      },
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/extensions/hot-desking`,
      body: hotDeskingBulkSchema,
      async handle({ body, actor }) {
        const records = await extensions.setHotDesking(body.extensions, body.enabled);
        for (const record of records) await context.audit(actor, { kind: 'extension.updated', extension: record.extension, detail: describePatch({ hotDesking: body.enabled }) });
        return { status: 200, json: { extensions: records.map((record) => extensionDto(record, context.hotDesk.now())) } };
      },
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/extensions/{ext}/pin`,
      async handle({ params, actor }) {
        const { record, pin } = await extensions.resetPin(extensionOr404(context, params.ext).extension);
        await context.audit(actor, { kind: 'extension.updated', extension: record.extension, detail: 'pin reset' });
        return { status: 200, json: { extension: record.extension, pin } };
      },
    }),
    route({
      method: 'DELETE',
      path: `${API_PREFIX}/extensions/{ext}`,
      async handle({ params, actor }) {
        const { record, unwatchedBy } = await extensions.remove(extensionOr404(context, params.ext).extension);
        const detail = unwatchedBy.length === 0 ? record.name : `${record.name}; its BLF keys removed from ${unwatchedBy.join(', ')}`;
        await context.audit(actor, { kind: 'extension.deleted', extension: record.extension, detail });
        return { status: 204 };
      },
    }),
  ];
}
