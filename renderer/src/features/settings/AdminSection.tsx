import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contracts';
import { Field } from './Field';
import { SaveStatus } from './SaveStatus';
import { useSettingsSave } from './useSettingsSave';

/** A new admin PIN, and leaving (or entering) kiosk mode. Both need the admin PIN held by the screen. */
export function AdminSection({ settings, adminPin, onPinChanged }: { settings: Settings; adminPin: string; onPinChanged: (pin: string) => void }) {
  return (
    <section className="settings-section" aria-labelledby="settings-admin">
      <h2 className="settings-section__title" id="settings-admin">
        Administration
      </h2>
      <PinChangeForm adminPin={adminPin} onPinChanged={onPinChanged} />
      <KioskSwitch kiosk={settings.kiosk} adminPin={adminPin} />
    </section>
  );
}

function PinChangeForm({ adminPin, onPinChanged }: { adminPin: string; onPinChanged: (pin: string) => void }) {
  const [draft, setDraft] = useState({ pin: '', again: '' });
  const [mismatch, setMismatch] = useState<string | null>(null);
  const { errors, problem, saved, busy, save } = useSettingsSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(draft.pin === draft.again ? null : 'The two PINs differ');
    if (draft.pin !== draft.again) return;
    if (await save({ adminPin: draft.pin }, adminPin)) {
      onPinChanged(draft.pin);
      setDraft({ pin: '', again: '' });
    }
  };
  const digits = (key: 'pin' | 'again') => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value.replace(/\D/g, '') });
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-label="Change the admin PIN">
      <Field label="New admin PIN" hint="4 to 12 digits." error={errors.adminPin}>
        {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={draft.pin} onChange={digits('pin')} />}
      </Field>
      <Field label="New admin PIN again" error={mismatch}>
        {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={draft.again} onChange={digits('again')} />}
      </Field>
      <SaveStatus busy={busy} saved={saved} problem={problem} label="Change admin PIN" />
    </form>
  );
}

function KioskSwitch({ kiosk, adminPin }: { kiosk: boolean; adminPin: string }) {
  const { problem, busy, save } = useSettingsSave();
  return (
    <div className="settings-form">
      <p className="settings-field__hint">
        {kiosk
          ? 'Kiosk mode: full screen, no browser controls or shortcuts, the settings behind the admin PIN.'
          : 'Kiosk mode is off: this device is an ordinary window.'}
      </p>
      <button type="button" className="settings-button settings-button--primary" disabled={busy} onClick={() => void save({ kiosk: !kiosk }, adminPin)}>
        {kiosk ? 'Leave kiosk mode' : 'Enter kiosk mode'}
      </button>
      {problem ? (
        <p className="settings-field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
