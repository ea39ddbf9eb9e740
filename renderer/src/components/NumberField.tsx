import type { Ref } from 'react';
import { keepFocus } from './focus';
import { BackspaceIcon } from './icons';

export interface NumberFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onDeleteLast: () => void;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** During a call the keys send DTMF: the box shows what was dialled but cannot be edited. */
  readonly readOnly?: boolean;
}

/** The Number box: typed into by the dialpad, the keyboard, or directly (typing, pasting). */
export function NumberField({ value, onChange, onDeleteLast, inputRef, readOnly = false }: NumberFieldProps) {
  return (
    <div className="number-field">
      <label className="number-field__label" htmlFor="number-field-input">
        Number
      </label>
      <input
        id="number-field-input"
        ref={inputRef}
        className="number-field__input"
        type="text"
        // The dialpad is the on-screen keyboard; don't let a touch OS cover it with another one.
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        readOnly={readOnly}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <button
        type="button"
        className="number-field__delete"
        aria-label="Delete last digit"
        disabled={value === '' || readOnly}
        onMouseDown={keepFocus}
        onClick={onDeleteLast}
      >
        <BackspaceIcon />
      </button>
    </div>
  );
}
