import '../consolePages.css';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { DialCodes } from '../../../../shared/domain/dialCodes';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { LoadState } from '../../components/LoadState';
import { TextField } from '../../components/TextField';
import { useLiveResource } from '../../events/useLiveResource';
import { DIAL_CODE_FIELDS, type DialCodeKey, invalidFields, isChanged, trimmedCodes } from './dialCodeForm';

interface Refusal {
  message: string;
  invalid: ReadonlySet<DialCodeKey>;
  fields: Readonly<Record<string, string>>;
}

/** The system dial codes; a code that clashes with hot desking is refused, and the page says which and why. */
export function DialCodesPage() {
  const api = useApi();
  const load = useCallback(() => api.get<DialCodes>('/dial-codes'), [api]);
  const saved = useLiveResource(load, ['dial-codes.updated']);
  const [form, setForm] = useState<DialCodes | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  const editing = useRef(false);

  // A change saved elsewhere shows at once, unless this form holds unsaved edits.
  useEffect(() => {
    if (saved.data && !editing.current) setForm(saved.data);
  }, [saved.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const sent = trimmedCodes(form);
    setBusy(true);
    setRefusal(null);
    setDone(false);
    try {
      const answer = await api.put<DialCodes>('/dial-codes', sent);
      editing.current = false;
      setForm(answer);
      saved.replace(answer);
      setDone(true);
    } catch (failure) {
      const error = failure instanceof ConsoleApiError ? failure : new ConsoleApiError(0, 'network', 'The dial codes could not be saved');
      setRefusal({ message: error.message, invalid: invalidFields(sent, error), fields: error.fields });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (key: DialCodeKey): string | null => {
    if (!refusal?.invalid.has(key)) return null;
    return refusal.fields[key] && refusal.fields[key] !== refusal.message ? refusal.fields[key] : 'Starts with *7, which is reserved for hot desking';
  };

  return (
    <>
      <LoadState what="dial codes" loading={saved.loading} error={saved.error} onRetry={saved.reload} />
      {form && (
        <form className="card console-section" aria-label="Dial codes" onSubmit={(event) => void save(event)} noValidate>
          <p className="notice">
            Codes start with * or # and hold digits, * and #. Only the hot-desk login and logout codes may start with *7: while another code does, every
            hot-desk login is refused.
          </p>
          <div className="form-grid">
            {DIAL_CODE_FIELDS.map(({ key, label }) => (
              <TextField
                key={key}
                label={label}
                className="mono"
                value={form[key]}
                error={fieldError(key)}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => {
                  editing.current = true;
                  setDone(false);
                  setForm({ ...form, [key]: event.target.value });
                }}
              />
            ))}
          </div>
          {refusal && (
            <p className="form-error" role="alert">
              Not saved: {refusal.message}
            </p>
          )}
          {done && (
            <p className="notice" role="status">
              Dial codes saved.
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy || (saved.data !== null && !isChanged(form, saved.data))}>
            {busy ? 'Saving…' : 'Save dial codes'}
          </button>
        </form>
      )}
    </>
  );
}
