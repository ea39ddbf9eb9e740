import '../consolePages.css';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ConsoleExtension, type ConsolePinReset, DEFAULT_HOT_DESK_OPTIONS } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadState } from '../../components/LoadState';
import { useLiveEvents, useReloadOnReconnect } from '../../events/EventsContext';
import { BlfEditor } from './BlfEditor';
import { previewKeysPerPageChoices } from './blfDraft';
import { hotDeskingText, keepListed, lockText, replaceItems, searchPath, toEnable, toggle, toggleAll } from './extensionList';
import { PinRevealDialog } from './PinRevealDialog';

const EXTENSION_EVENTS = ['extension.created', 'extension.updated', 'extension.deleted', 'extension.locked'];

/** Extensions: search, Enable hot desking for one or several, PIN reset, lock status with Unlock, BLF keys. */
export function ExtensionsPage() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ConsoleExtension[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<ConsoleExtension | null>(null);
  const [resetError, setResetError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ who: string; pin: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [keysPerPage, setKeysPerPage] = useState<number[]>([DEFAULT_HOT_DESK_OPTIONS.keysPerPage]);
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const searchId = useId();

  const load = useCallback(() => {
    const mine = ++generation.current;
    api.get<{ extensions: ConsoleExtension[] }>(searchPath(query)).then(
      (answer) => {
        if (mine !== generation.current) return;
        setList(answer.extensions);
        setSelected((current) => keepListed(current, answer.extensions));
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure instanceof ConsoleApiError ? failure.message : 'The request failed');
        setLoading(false);
      },
    );
  }, [api, query]);
  useEffect(load, [load]);
  useLiveEvents(EXTENSION_EVENTS, load);
  useReloadOnReconnect(
    useCallback(() => {
      api.get<{ devices: Array<{ options: { keysPerPage: number } }> }>('/devices').then(
        (answer) => setKeysPerPage(previewKeysPerPageChoices(answer.devices.map((device) => device.options.keysPerPage), DEFAULT_HOT_DESK_OPTIONS.keysPerPage)),
        () => undefined, // the preview keeps the default
      );
    }, [api]),
  );

  const enable = useMemo(() => toEnable(selected, list), [selected, list]);
  const editingItem = list.find((item) => item.extension === editing) ?? null;
  const report = (ok: boolean, text: string) => setMessage({ ok, text });
  const failed = (failure: unknown, fallback: string) => (failure instanceof ConsoleApiError ? failure.message : fallback);

  async function enableHotDesking() {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.post<{ extensions: ConsoleExtension[] }>('/extensions/hot-desking', { extensions: enable, enabled: true });
      setList((current) => replaceItems(current, answer.extensions));
      report(true, `Hot desking enabled for ${answer.extensions.map((item) => item.extension).join(', ')}.`);
    } catch (failure) {
      report(false, failed(failure, 'Hot desking could not be enabled'));
    } finally {
      setBusy(false);
    }
  }

  async function unlock(item: ConsoleExtension) {
    setMessage(null);
    try {
      const updated = await api.patch<ConsoleExtension>(`/extensions/${encodeURIComponent(item.extension)}`, { locked: false });
      setList((current) => replaceItems(current, [updated]));
      report(true, `Hot-desk login of ${item.extension} ${item.name} unlocked.`);
    } catch (failure) {
      report(false, failed(failure, 'The extension could not be unlocked'));
    }
  }

  async function resetPin(item: ConsoleExtension) {
    setBusy(true);
    try {
      const answer = await api.post<ConsolePinReset>(`/extensions/${encodeURIComponent(item.extension)}/pin`);
      setResetting(null);
      setRevealed({ who: `${item.extension} ${item.name}`, pin: answer.pin });
    } catch (failure) {
      setResetError(failed(failure, 'The PIN could not be reset'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form role="search" className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={searchId}>Search extensions</label>
        <input id={searchId} type="search" value={query} maxLength={64} placeholder="Number or name" onChange={(event) => setQuery(event.target.value)} />
      </form>
      <div className="toolbar">
        <button type="button" className="button primary" disabled={busy || enable.length === 0} aria-describedby={`${searchId}-selection`} onClick={() => void enableHotDesking()}>
          Enable hot desking
        </button>
        <span id={`${searchId}-selection`} className="notice">
          {selected.size === 0 ? 'Select extensions to enable hot desking for them.' : `${selected.size} selected, ${enable.length} without hot desking.`}
        </span>
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <LoadState what="extensions" loading={loading} error={error} onRetry={load} />
      {!loading && !error && list.length === 0 && <p className="empty">{query.trim() === '' ? 'No extensions yet.' : `No extension matches “${query.trim()}”.`}</p>}
      {!loading && !error && list.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Extensions">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all listed extensions"
                    checked={list.every((item) => selected.has(item.extension))}
                    onChange={() => setSelected((current) => toggleAll(current, list))}
                  />
                </th>
                <th scope="col">Extension</th>
                <th scope="col">Name</th>
                <th scope="col">Hot desking</th>
                <th scope="col">Hot-desk login</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => {
                const who = `${item.extension} ${item.name}`;
                return (
                  <tr key={item.extension} aria-selected={selected.has(item.extension)}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${who}`} checked={selected.has(item.extension)} onChange={() => setSelected((current) => toggle(current, item.extension))} />
                    </td>
                    <th scope="row" className="mono">
                      {item.extension}
                    </th>
                    <td>{item.name}</td>
                    <td>{hotDeskingText(item)}</td>
                    <td data-locked={item.locked}>{lockText(item)}</td>
                    <td className="row-actions">
                      {item.locked && (
                        <button type="button" className="button" aria-label={`Unlock ${who}`} onClick={() => void unlock(item)}>
                          Unlock
                        </button>
                      )}
                      <button type="button" className="button" aria-label={`Reset PIN of ${who}`} onClick={() => (setResetError(null), setResetting(item))}>
                        Reset PIN
                      </button>
                      <button type="button" className="button" aria-label={`BLF keys of ${who}`} aria-pressed={editing === item.extension} onClick={() => setEditing(editing === item.extension ? null : item.extension)}>
                        BLF keys
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editingItem && (
        <BlfEditor
          key={editingItem.extension}
          item={editingItem}
          keysPerPageChoices={keysPerPage}
          onSaved={(updated) => setList((current) => replaceItems(current, [updated]))}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && (
        <ConfirmDialog title={`Reset the PIN of ${resetting.extension} ${resetting.name}?`} confirmLabel="Reset PIN" busy={busy} error={resetError} onCancel={() => setResetting(null)} onConfirm={() => void resetPin(resetting)}>
          <p>The PBX makes up a new PIN and shows it once. The current PIN stops working at once.</p>
        </ConfirmDialog>
      )}
      {revealed && <PinRevealDialog who={revealed.who} pin={revealed.pin} onDone={() => setRevealed(null)} />}
    </>
  );
}
