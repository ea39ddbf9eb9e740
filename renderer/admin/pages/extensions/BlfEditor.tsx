import { useId, useState } from 'react';
import type { ConsoleExtension } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { addRow, BLF_KIND_LABELS, type BlfKind, type BlfRow, canAddRow, isChanged, keyLabel, moveRow, positionsOf, previewPages, removeRow, rowsOf, updateRow } from './blfDraft';

const KINDS = Object.keys(BLF_KIND_LABELS) as BlfKind[];

/**
 * The BLF positions of one extension, edited as rows, with a live preview of the keys a hot-desk device shows for
 * them. Saving sends the positions as they are; the PBX re-provisions the devices the user is logged in on.
 */
export function BlfEditor({ item, keysPerPageChoices, onSaved, onClose }: { item: ConsoleExtension; keysPerPageChoices: readonly number[]; onSaved(item: ConsoleExtension): void; onClose(): void }) {
  const api = useApi();
  const [rows, setRows] = useState<BlfRow[]>(() => rowsOf(item.blf));
  const [keysPerPage, setKeysPerPage] = useState(keysPerPageChoices[0] ?? 6);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const headingId = useId();
  const who = `${item.extension} ${item.name}`;
  const changed = isChanged(rows, item.blf);

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api.patch<ConsoleExtension>(`/extensions/${encodeURIComponent(item.extension)}`, { blf: positionsOf(rows) });
      setRows(rowsOf(updated.blf));
      setSaved(true);
      onSaved(updated);
    } catch (failure) {
      setError(failure instanceof ConsoleApiError ? failure : new ConsoleApiError(0, 'network', 'The BLF keys could not be saved'));
    } finally {
      setBusy(false);
    }
  }

  const edit = (next: BlfRow[]) => {
    setSaved(false);
    setRows(next);
  };

  return (
    <section className="card console-section blf-editor" aria-labelledby={headingId}>
      <h2 id={headingId}>BLF keys of {who}</h2>
      <div className="blf-editor__columns">
        <div>
          {rows.length === 0 && <p className="empty">No positions. Add one; empty positions are kept in the list but not shown on the device.</p>}
          <ol className="blf-rows">
            {rows.map((row, index) => (
              <PositionRow
                key={index}
                row={row}
                index={index}
                last={index === rows.length - 1}
                error={error?.fieldError(`blf.${index}`) ?? null}
                onChange={(change) => edit(updateRow(rows, index, change))}
                onMove={(step) => edit(moveRow(rows, index, step))}
                onRemove={() => edit(removeRow(rows, index))}
              />
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" className="button" disabled={!canAddRow(rows)} onClick={() => edit(addRow(rows))}>
              Add position
            </button>
            <button type="button" className="button primary" disabled={busy || !changed} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save BLF keys'}
            </button>
            <button type="button" className="button" disabled={busy || !changed} onClick={() => edit(rowsOf(item.blf))}>
              Discard changes
            </button>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              Not saved: {error.message}
            </p>
          )}
          {saved && (
            <p className="notice" role="status">
              BLF keys saved. Devices {item.name} is logged in at show them at once.
            </p>
          )}
        </div>
        <KeyPreview rows={rows} keysPerPage={keysPerPage} choices={keysPerPageChoices} onKeysPerPage={setKeysPerPage} />
      </div>
    </section>
  );
}

function PositionRow({ row, index, last, error, onChange, onMove, onRemove }: {
  row: BlfRow;
  index: number;
  last: boolean;
  error: string | null;
  onChange(change: Partial<BlfRow>): void;
  onMove(step: -1 | 1): void;
  onRemove(): void;
}) {
  const id = useId();
  const position = `Position ${index + 1}`;
  const targetLabel = row.kind === 'blf' ? 'extension' : 'number';
  return (
    <li className="blf-row" data-kind={row.kind}>
      <span className="blf-row__number" aria-hidden="true">
        {index + 1}
      </span>
      <select aria-label={`${position} type`} value={row.kind} onChange={(event) => onChange({ kind: event.target.value as BlfKind })}>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {BLF_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      {(row.kind === 'blf' || row.kind === 'speed-dial') && (
        <input
          aria-label={`${position} ${targetLabel}`}
          className="mono"
          inputMode={row.kind === 'blf' ? 'numeric' : 'tel'}
          value={row.target}
          placeholder={row.kind === 'blf' ? '101' : '0'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange({ target: event.target.value })}
        />
      )}
      {row.kind !== 'empty' && (
        <input aria-label={`${position} label`} value={row.label} maxLength={32} placeholder="Label" onChange={(event) => onChange({ label: event.target.value })} />
      )}
      <span className="blf-row__actions">
        <button type="button" className="button" aria-label={`Move ${position.toLowerCase()} up`} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button" aria-label={`Move ${position.toLowerCase()} down`} disabled={last} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button" aria-label={`Remove ${position.toLowerCase()}`} onClick={onRemove}>
          ✕
        </button>
      </span>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}

function KeyPreview({ rows, keysPerPage, choices, onKeysPerPage }: { rows: readonly BlfRow[]; keysPerPage: number; choices: readonly number[]; onKeysPerPage(value: number): void }) {
  const pages = previewPages(rows, keysPerPage);
  const selectId = useId();
  return (
    <section className="blf-preview" aria-label="Preview of the keys on a hot-desk device">
      <div className="field">
        <label htmlFor={selectId}>Keys per page</label>
        <select id={selectId} value={keysPerPage} onChange={(event) => onKeysPerPage(Number(event.target.value))}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </div>
      {pages.map((page, pageIndex) => (
        <div key={pageIndex} className="blf-preview__page">
          <h3>
            Page {pageIndex + 1} of {pages.length}
          </h3>
          <ol className="blf-preview__keys" aria-label={`Page ${pageIndex + 1} keys`}>
            {page.map((key, keyIndex) => {
              const label = keyLabel(key);
              return (
                <li key={keyIndex} className="blf-preview__key" data-type={key.type}>
                  {label ?? <em className="notice">no label</em>}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}
