import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog';

/**
 * The PIN a reset made, shown this once in a modal dialog. Nothing keeps it: Done (or Escape) forgets it, and the
 * PBX has only its hash.
 */
export function PinRevealDialog({ who, pin, onDone }: { who: string; pin: string; onDone(): void }) {
  const done = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog title={`New PIN for ${who}`} initialFocus={done} onDismiss={onDone}>
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
    </ModalDialog>
  );
}
