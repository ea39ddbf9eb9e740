import type { z } from 'zod';
import { HotDeskError, type HotDeskErrorCode } from '../../core';

export interface FieldIssue {
  /** Dotted path of the offending field in the request (`options.keysPerPage`), or `body`. */
  field: string;
  message: string;
}

/** An error answered as `{ "error": { "code", "message", … } }` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldIssue[]; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string; fields?: FieldIssue[]; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extra.fields ? { fields: this.extra.fields } : {}),
        ...(this.extra.details ? { details: this.extra.details } : {}),
      },
    };
  }
}

const STATUS: Record<HotDeskErrorCode, number> = {
  validation: 400,
  'weak-pin': 400,
  'template-not-allowed': 400,
  'invalid-licence': 400,
  'not-found': 404,
  conflict: 409,
  'dial-code-clash': 409,
  'not-logged-in': 409,
  'licence-required': 403,
  'licence-limit': 403,
};

export function fromHotDeskError(error: HotDeskError): ApiError {
  const fields = error.field === null ? undefined : [{ field: error.field, message: error.message }];
  const details = Object.keys(error.details).length > 0 ? { ...error.details } : undefined;
  return new ApiError(STATUS[error.code], error.code, error.message, { ...(fields ? { fields } : {}), ...(details ? { details } : {}) });
}

/** 400 naming every invalid field (`where` says which part of the request: body or query). */
export function validationError(where: 'body' | 'query', error: z.ZodError): ApiError {
  const fields = error.issues.slice(0, 20).map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const summary = fields.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return new ApiError(400, 'validation', `Invalid request ${where} — ${summary}`, { fields });
}

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof HotDeskError) return fromHotDeskError(error);
  return null;
}
