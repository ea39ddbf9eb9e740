/** A form's Save button, with what became of the last save beside it. */
export function SaveStatus({ label, busy, saved, problem }: { label: string; busy: boolean; saved: boolean; problem: string | null }) {
  return (
    <div className="settings-save">
      <button type="submit" className="settings-button settings-button--primary" disabled={busy}>
        {label}
      </button>
      <span className="settings-save__status" role="status">
        {problem ? <span className="settings-field__error">{problem}</span> : saved ? 'Saved' : ''}
      </span>
    </div>
  );
}
