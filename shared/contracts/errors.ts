import { z } from 'zod';

export const bridgeErrorCodeSchema = z.enum(['bad-request', 'unknown-request', 'unauthorized', 'forbidden', 'not-found', 'internal']);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCodeSchema>;

/** The typed error every bridge call rejects with; it survives JSON and Electron's structured clone as plain data. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  toJSON(): { code: BridgeErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const bridgeErrorSchema = z.object({ code: bridgeErrorCodeSchema, message: z.string() });

/** A one-line explanation of a zod failure: `settings.update argument 1: mac: must be a MAC like …`. */
export function describeIssues(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return prefix;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${prefix}: ${where}${issue.message}`;
}
