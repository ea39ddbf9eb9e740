import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConsoleSession } from '../../shared/contracts';
import { createConsoleApi } from './api/apiClient';
import { ApiContext } from './api/ApiContext';
import { ConsoleEvents } from './events/consoleEvents';
import { EventsContext } from './events/EventsContext';
import { SignInForm } from './session/SignInForm';
import { ConsoleLayout } from './shell/ConsoleLayout';

type SessionState = { kind: 'checking' } | { kind: 'signed-out'; notice: string | null } | { kind: 'signed-in'; session: ConsoleSession };

const ENDED = 'Your session ended; sign in again.';

/** The console: asks whether a session holds, then shows the sign-in or the pages with their live event stream. */
export function ConsoleApp() {
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const ended = useCallback(() => setState({ kind: 'signed-out', notice: ENDED }), []);
  const api = useMemo(() => createConsoleApi({ onUnauthorized: ended }), [ended]);
  const signedIn = state.kind === 'signed-in';

  useEffect(() => {
    api.get<ConsoleSession>('/session').then(
      (session) => setState({ kind: 'signed-in', session }),
      () => setState({ kind: 'signed-out', notice: null }),
    );
  }, [api]);

  const events = useMemo(
    () =>
      signedIn
        ? new ConsoleEvents({
            sessionAlive: () =>
              api.get('/session').then(
                () => true,
                (error: { status?: number }) => error.status !== 401,
              ),
          })
        : null,
    [api, signedIn],
  );
  useEffect(() => {
    if (!events) return;
    const off = events.onSessionEnded(ended);
    events.start();
    return () => {
      off();
      events.stop();
    };
  }, [events, ended]);

  async function signOut() {
    await api.delete('/session').catch(() => undefined);
    setState({ kind: 'signed-out', notice: 'Signed out.' });
  }

  return (
    <ApiContext.Provider value={api}>
      {state.kind === 'checking' && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {state.kind === 'signed-out' && <SignInForm notice={state.notice} onSignedIn={(session) => setState({ kind: 'signed-in', session })} />}
      {state.kind === 'signed-in' && events && (
        <EventsContext.Provider value={events}>
          <ConsoleLayout user={state.session.user} onSignOut={() => void signOut()} />
        </EventsContext.Provider>
      )}
    </ApiContext.Provider>
  );
}
