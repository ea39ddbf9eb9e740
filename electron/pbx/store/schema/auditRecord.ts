import { z } from 'zod';
import type { JournalSpec } from '../journal';
import { instantSchema } from './common';

/**
 * One audit event (admin actions; hot-desk logins, logouts, failures and lockouts later). The fields are flat and
 * fixed so that the CSV export has stable columns.
 */
export const auditEventSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{8,40}$/),
  at: instantSchema,
  kind: z.string().regex(/^[a-z][a-z0-9.-]{0,47}$/),
  /** Who did it: the admin user, `pnp`, `system`, or an extension for hot-desk events. */
  actor: z.string().max(64).nullable(),
  device: z.string().max(64).nullable(),
  extension: z.string().max(16).nullable(),
  mac: z.string().max(17).nullable(),
  detail: z.string().max(1024).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const AUDIT_MAX_EVENTS = 20_000;

export const auditSpec: JournalSpec<AuditEvent> = {
  kind: 'hotdesk.audit',
  version: 1,
  schema: auditEventSchema,
  migrations: {},
  maxRecords: AUDIT_MAX_EVENTS,
};
