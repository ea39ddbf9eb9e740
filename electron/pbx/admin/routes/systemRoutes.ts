import { auditToCsv } from '../../core';
import { settingsDto } from '../dto';
import { validationError } from '../http/apiError';
import type { ApiContext } from '../apiContext';
import { API_PREFIX, route, type Route } from '../router';
import { auditQuerySchema, dialCodesPutSchema, licenceInstallSchema, settingsPatchSchema } from '../schemas';

/** Dial codes, PBX settings, licence and the audit log. */
export function systemRoutes(context: ApiContext): Route[] {
  const { dialCodes, settings, licence, audit } = context.hotDesk;
  return [
    route({ method: 'GET', path: `${API_PREFIX}/dial-codes`, handle: () => ({ status: 200, json: dialCodes.get() }) }),
    route({
      method: 'PUT',
      path: `${API_PREFIX}/dial-codes`,
      body: dialCodesPutSchema,
      async handle({ body, actor }) {
        const saved = await dialCodes.set(body);
        const detail = Object.entries(saved).map(([key, code]) => `${key}=${code}`).join(' ');
        await context.audit(actor, { kind: 'dial-codes.updated', detail });
        return { status: 200, json: saved };
      },
    }),
    route({ method: 'GET', path: `${API_PREFIX}/settings`, handle: () => ({ status: 200, json: settingsDto(settings.get()) }) }),
    route({
      method: 'PATCH',
      path: `${API_PREFIX}/settings`,
      body: settingsPatchSchema,
      async handle({ body, actor }) {
        const saved = await settings.update(body);
        await context.audit(actor, { kind: 'settings.updated', detail: Object.keys(body).join(', ') });
        return { status: 200, json: settingsDto(saved) };
      },
    }),
    route({ method: 'GET', path: `${API_PREFIX}/licence`, handle: () => ({ status: 200, json: licence.status() }) }),
    route({
      method: 'PUT',
      path: `${API_PREFIX}/licence`,
      body: licenceInstallSchema,
      async handle({ body, actor }) {
        const status = await licence.install(body.token);
        await context.audit(actor, { kind: 'licence.installed', detail: `${status.edition} licence for ${status.licensee ?? 'unknown'}` });
        return { status: 200, json: status };
      },
    }),
    route({
      method: 'GET',
      path: `${API_PREFIX}/audit`,
      handle({ query }) {
        const parsed = auditQuerySchema.safeParse(Object.fromEntries(query));
        if (!parsed.success) throw validationError('query', parsed.error);
        const { kind, limit, format, extension, device } = parsed.data;
        const since = parsed.data.from ?? parsed.data.since;
        const until = parsed.data.to ?? parsed.data.until;
        const events = audit.list({
          ...(since ? { since: new Date(since) } : {}),
          ...(until ? { until: new Date(until) } : {}),
          ...(kind ? { kinds: kind.split(',').filter(Boolean) } : {}),
          ...(extension ? { extension } : {}),
          ...(device ? { device } : {}),
          ...(limit ? { limit: Number(limit) } : {}),
        });
        if (format === 'csv') {
          return {
            status: 200,
            text: auditToCsv(events),
            contentType: 'text/csv; charset=utf-8; header=present',
            headers: { 'Content-Disposition': 'attachment; filename="hotdesk-audit.csv"' },
          };
        }
        return { status: 200, json: { events } };
      },
    }),
  ];
}
