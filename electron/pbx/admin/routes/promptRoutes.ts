import { PromptUpdateError } from '../../media';
import type { ApiContext } from '../apiContext';
import { promptSetDto } from '../dto';
import { ApiError } from '../http/apiError';
import { API_PREFIX, route, type Route } from '../router';

/** The system prompt set: installed against required, and Update (installs the set shipped with the PBX). */
export function promptRoutes(context: ApiContext): Route[] {
  return [
    route({ method: 'GET', path: `${API_PREFIX}/prompts`, handle: () => ({ status: 200, json: promptSetDto(context.prompts.describe()) }) }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/prompts/update`,
      async handle({ actor }) {
        const before = context.prompts.describe();
        let after;
        try {
          after = await context.prompts.update();
        } catch (error) {
          if (error instanceof PromptUpdateError) throw new ApiError(409, 'prompt-update-failed', error.message);
          throw error;
        }
        const detail = `version ${after.installedVersion ?? 'unreadable'} installed (was ${before.installedVersion ?? 'unreadable'}, ${before.state})`;
        await context.audit(actor, { kind: 'prompts.updated', detail });
        context.hotDesk.changes.emit({ type: 'prompts.updated' });
        return { status: 200, json: promptSetDto(after) };
      },
    }),
  ];
}
