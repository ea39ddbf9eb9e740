import { useState, type FormEvent } from 'react';
import { messageOf } from '../../store/errors';
import { useAppStore } from '../../store/StoreProvider';
import { Field } from './Field';

/**
 * Asks for the admin PIN and checks it with the device host (which counts wrong PINs and locks the settings after five).
 * `onUnlocked` gets the PIN, kept only while the settings screen is open.
 */
export function PinPrompt({ title, onUnlocked }: { title: string; onUnlocked: (adminPin: string) => void }) {
  const unlockSettings = useAppStore((state) => state.unlockSettings);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await unlockSettings(pin);
      onUnlocked(pin);
    } catch (error) {
      setProblem(messageOf(error));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="settings-form settings-pin" onSubmit={(event) => void submit(event)} aria-label={title}>
      <p className="settings-pin__title">{title}</p>
      <Field label="Admin PIN" error={problem}>
        {(control) => (
          <input
            {...control}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            maxLength={12}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          />
        )}
      </Field>
      <button type="submit" className="settings-button settings-button--primary" disabled={busy || pin.length === 0}>
        Unlock
      </button>
    </form>
  );
}
