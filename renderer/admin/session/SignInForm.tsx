import { useState, type FormEvent } from 'react';
import type { ConsoleSession } from '../../../shared/contracts';
import { ConsoleApiError } from '../api/apiClient';
import { useApi } from '../api/ApiContext';

/** The sign-in: the API sets the session cookie, so the password is sent once and never kept by the page. */
export function SignInForm({ onSignedIn, notice }: { onSignedIn(session: ConsoleSession): void; notice: string | null }) {
  const api = useApi();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (user === '' || password === '') {
      setError('Enter the user name and the password');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<ConsoleSession>('/session', { user, password });
      setPassword('');
      onSignedIn(session);
    } catch (failure) {
      setError(failure instanceof ConsoleApiError ? failure.message : 'Signing in failed');
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Hotdesk console</h1>
        {notice && <p className="notice">{notice}</p>}
        <label className="field">
          <span>User name</span>
          <input name="user" autoComplete="username" value={user} onChange={(event) => setUser(event.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
