import type { z } from 'zod';
import type { ConsoleSession } from '../../../../shared/contracts';
import type { AuthGuard } from '../requestGuards';
import { API_PREFIX, route, type Route } from '../router';
import { sessionCreateSchema } from '../schemas';
import type { AdminSessions } from '../session/adminSessions';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from '../session/sessionCookie';

/** The management console's sign-in (a session cookie), who-am-I and sign-out. Scripts use HTTP Basic instead. */
export function sessionRoutes(guard: AuthGuard, sessions: AdminSessions): Route[] {
  const dto = (user: string): ConsoleSession => ({ user, idleTimeoutSeconds: Math.round(sessions.idleTimeoutMs / 1000) });
  return [
    route<z.infer<typeof sessionCreateSchema>>({
      method: 'POST',
      path: `${API_PREFIX}/session`,
      public: true,
      body: sessionCreateSchema,
      async handle({ req, body }) {
        await guard.checkPassword(req, body.user, body.password);
        const { id } = sessions.create(body.user);
        return { status: 201, json: dto(body.user), headers: { 'Set-Cookie': setSessionCookie(req, id) } };
      },
    }),
    route({
      method: 'GET',
      path: `${API_PREFIX}/session`,
      handle: ({ actor }) => ({ status: 200, json: dto(actor) }),
    }),
    route({
      method: 'DELETE',
      path: `${API_PREFIX}/session`,
      public: true,
      handle({ req }) {
        const id = sessionIdOf(req);
        const session = id === null ? null : sessions.use(id);
        if (session) sessions.end(session.key);
        return { status: 204, headers: { 'Set-Cookie': clearSessionCookie(req) } };
      },
    }),
  ];
}
