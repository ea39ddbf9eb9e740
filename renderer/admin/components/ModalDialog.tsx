import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal dialog (the native <dialog>: role=dialog, focus kept inside, Escape dismisses) titled `title`, with focus
 * starting on `initialFocus`.
 */
export function ModalDialog({
  title,
  initialFocus,
  onDismiss,
  children,
}: {
  title: ReactNode;
  initialFocus: RefObject<HTMLElement | null>;
  onDismiss(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => dialog?.close();
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className="card dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
