import '../consolePages.css';
import { type FormEvent, useCallback, useId, useState } from 'react';
import type { ConsoleLicence } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { LoadState } from '../../components/LoadState';
import { useLiveResource } from '../../events/useLiveResource';
import { editionName, licenceFacts, normaliseLicenceKey } from './licenceView';

/** The licence in force (edition, expiry, limits) and installing a pasted key. */
export function LicencePage() {
  const api = useApi();
  const load = useCallback(() => api.get<ConsoleLicence>('/licence'), [api]);
  const licence = useLiveResource(load, ['licence.updated']);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [installed, setInstalled] = useState<string | null>(null);
  const keyId = useId();

  async function install(event: FormEvent) {
    event.preventDefault();
    const token = normaliseLicenceKey(key);
    if (token === '') {
      setError('Paste the licence key first');
      return;
    }
    setBusy(true);
    setError(null);
    setInstalled(null);
    try {
      const status = await api.put<ConsoleLicence>('/licence', { token });
      licence.replace(status);
      setKey('');
      setInstalled(`${editionName(status.edition)} licence installed${status.licensee ? ` for ${status.licensee}` : ''}.`);
    } catch (failure) {
      setError(failure instanceof ConsoleApiError ? failure.message : 'The licence could not be installed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <LoadState what="licence" loading={licence.loading} error={licence.error} onRetry={licence.reload} />
      {licence.data && (
        <section className="card console-section" aria-labelledby="licence-in-force">
          <h2 id="licence-in-force">Licence in force</h2>
          <dl className="facts">
            {licenceFacts(licence.data, new Date()).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {licence.data.problem && (
            <p className="form-error" role="alert">
              {licence.data.problem}
            </p>
          )}
        </section>
      )}
      <form className="card console-section" aria-labelledby="licence-install" onSubmit={(event) => void install(event)} noValidate>
        <h2 id="licence-install">Install a licence key</h2>
        <div className="field">
          <label htmlFor={keyId}>Licence key</label>
          <textarea
            id={keyId}
            className="key-input mono"
            rows={4}
            value={key}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${keyId}-error` : undefined}
            onChange={(event) => setKey(event.target.value)}
          />
          {error && (
            <p id={`${keyId}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Installing…' : 'Install licence'}
        </button>
        {installed && (
          <p className="notice" role="status">
            {installed}
          </p>
        )}
      </form>
    </>
  );
}
