import { useId, type ReactElement, type ReactNode } from 'react';

/** What a Field hands its control: the ids that tie it to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One setting: its label, the control, a hint and — when the value was refused — the reason, right under the control
 * and announced with it (aria-describedby, aria-invalid).
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  children: (control: FieldControlProps) => ReactElement;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="settings-field" data-invalid={error ? true : undefined}>
      <label className="settings-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="settings-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="settings-field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
