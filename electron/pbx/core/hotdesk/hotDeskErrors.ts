/** Why the hot-desk domain refused a change; the admin API maps each code to an HTTP status. */
export type HotDeskErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'licence-required'
  | 'licence-limit'
  | 'invalid-licence'
  | 'template-not-allowed'
  | 'weak-pin'
  | 'dial-code-clash'
  | 'not-logged-in';

export class HotDeskError extends Error {
  constructor(
    readonly code: HotDeskErrorCode,
    message: string,
    /** The input field the error is about, when there is one (e.g. `pin`, `options.timeZone`). */
    readonly field: string | null = null,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HotDeskError';
  }
}
