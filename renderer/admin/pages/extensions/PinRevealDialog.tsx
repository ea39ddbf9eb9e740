import { useEffect, useId, useRef } from 'react';

/**
 * The PIN a reset made, shown this once in a modal dialog. Nothing keeps it: Done (or Escape) forgets it, and the
 * PBX has only its hash.
 */
export function PinRevealDialog({ who, pin, onDone }: { who: string; pin: string; onDone(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    done.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="card dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onDone();
      }}
    >
      <h2 id={titleId}>New PIN for {who}</h2>
      <p>
        <output className="pin-once mono" aria-label="New PIN">
          {pin}
        </output>
      </p>
      <p>This PIN is shown only now. Give it to the user; they log in with it at any hot desk.</p>
      <div className="dialog-actions">
        <button ref={done} type="button" className="button primary" onClick={onDone}>
          Done
        </button>
      </div>
    </dialog>
  );
}
