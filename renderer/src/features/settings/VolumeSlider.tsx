import { useEffect, useState } from 'react';
import { Field } from './Field';

/** A volume in percent: follows the finger freely, saved when it is let go (pointer up, key up, focus leaving). */
export function VolumeSlider({ label, value, error, onCommit }: { label: string; value: number; error?: string | undefined; onCommit: (value: number) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="settings-volume">
          <input
            {...control}
            type="range"
            min={0}
            max={100}
            step={5}
            value={draft}
            aria-valuetext={`${draft} %`}
            onChange={(event) => setDraft(Number(event.target.value))}
            onPointerUp={commit}
            onKeyUp={commit}
            onBlur={commit}
          />
          <output className="settings-volume__value" aria-hidden="true">
            {draft} %
          </output>
        </div>
      )}
    </Field>
  );
}
