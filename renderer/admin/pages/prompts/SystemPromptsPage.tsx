import '../consolePages.css';
import { useCallback, useState } from 'react';
import type { ConsolePromptSet } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { LoadState } from '../../components/LoadState';
import { useLiveResource } from '../../events/useLiveResource';
import { promptConsequence, promptFacts, promptHeadline } from './promptView';

/** The system prompt set: installed against required, and Update (installs the set shipped with the PBX). */
export function SystemPromptsPage() {
  const api = useApi();
  const load = useCallback(() => api.get<ConsolePromptSet>('/prompts'), [api]);
  const prompts = useLiveResource(load, ['prompts.updated']);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function update() {
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await api.post<ConsolePromptSet>('/prompts/update');
      prompts.replace(updated);
      setOutcome({ ok: true, text: `Prompt set version ${updated.installedVersion ?? '?'} installed.` });
    } catch (failure) {
      setOutcome({ ok: false, text: failure instanceof ConsoleApiError ? failure.message : 'The update failed' });
    } finally {
      setBusy(false);
    }
  }

  const set = prompts.data;
  return (
    <>
      <LoadState what="prompt set" loading={prompts.loading} error={prompts.error} onRetry={prompts.reload} />
      {set && (
        <section className="card console-section" aria-labelledby="prompt-state" data-state={set.state}>
          <h2 id="prompt-state" className="state-headline" data-state={set.state}>
            {promptHeadline(set)}
          </h2>
          <p>{promptConsequence(set)}</p>
          <dl className="facts">
            {promptFacts(set).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {set.problems.length > 0 && (
            <details>
              <summary>What is wrong ({set.problems.length})</summary>
              <ul className="mono">
                {set.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </details>
          )}
          {set.state !== 'current' && (
            <button type="button" className="button primary" disabled={busy || !set.updatable} onClick={() => void update()}>
              {busy ? 'Updating…' : 'Update'}
            </button>
          )}
        </section>
      )}
      {outcome && (
        <p className={outcome.ok ? 'notice' : 'form-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </>
  );
}
