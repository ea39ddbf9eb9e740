import { useState, type FormEvent } from 'react';
import type { Mode, Settings, SettingsPatch } from '../../../../shared/contracts';
import { Field } from './Field';
import { SaveStatus } from './SaveStatus';
import { useSettingsSave } from './useSettingsSave';

/**
 * Where the device gets its phone service: the site PBX's address (site mode) or a manual SIP account (external mode),
 * and a provisioning URL. Guarded by the admin PIN; saved changes apply at once (the phone re-registers).
 */
export function ConnectionSection({ settings, mode, adminPin }: { settings: Settings; mode: Mode | null; adminPin: string }) {
  return (
    <section className="settings-section" aria-labelledby="settings-connection">
      <h2 className="settings-section__title" id="settings-connection">
        Phone service
      </h2>
      {mode === 'site' ? <SitePbxForm settings={settings} adminPin={adminPin} /> : <SipAccountForm settings={settings} adminPin={adminPin} />}
      <UrlForm
        field="provisioningUrl"
        label="Provisioning URL"
        hint="Where this device fetches its configuration (http:// or https://); empty: plug-and-play."
        saved={settings.provisioningUrl}
        adminPin={adminPin}
      />
    </section>
  );
}

function SitePbxForm({ settings, adminPin }: { settings: Settings; adminPin: string }) {
  return (
    <UrlForm
      field="sitePbxUrl"
      label="PBX address"
      hint="The site PBX's SIP WebSocket, e.g. wss://pbx.example.com:5443/sip; empty: this machine's own PBX."
      saved={settings.sitePbxUrl}
      adminPin={adminPin}
    />
  );
}

/** One URL setting with its own Save; an empty box saves null. */
function UrlForm({ field, label, hint, saved, adminPin }: { field: 'provisioningUrl' | 'sitePbxUrl'; label: string; hint: string; saved: string | null; adminPin: string }) {
  const [value, setValue] = useState(saved ?? '');
  const { errors, problem, saved: done, busy, save } = useSettingsSave();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: SettingsPatch = { [field]: value.trim() === '' ? null : value.trim() };
    void save(patch, adminPin);
  };
  return (
    <form className="settings-form" onSubmit={submit} aria-label={label}>
      <Field label={label} hint={hint} error={errors[field]}>
        {(control) => <input {...control} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={value} onChange={(event) => setValue(event.target.value)} />}
      </Field>
      <SaveStatus busy={busy} saved={done} problem={problem} label={`Save ${label}`} />
    </form>
  );
}

/** The manual SIP account. The password is write-only: the box shows "saved" while one is held, never the password. */
function SipAccountForm({ settings, adminPin }: { settings: Settings; adminPin: string }) {
  const held = settings.sipAccount;
  const [draft, setDraft] = useState({
    webSocketUrl: held?.webSocketUrl ?? '',
    uri: held?.uri ?? '',
    authUser: held?.authUser ?? '',
    displayName: held?.displayName ?? '',
    password: '',
  });
  const { errors, problem, saved, busy, save } = useSettingsSave();
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { password, ...account } = draft;
    const trimmed = { webSocketUrl: account.webSocketUrl.trim(), uri: account.uri.trim(), authUser: account.authUser.trim(), displayName: account.displayName.trim() };
    // Left empty, the password box keeps the password the host holds (for the same server and user only).
    if (await save({ sipAccount: password === '' ? trimmed : { ...trimmed, password } }, adminPin)) setDraft({ ...draft, password: '' });
  };
  const remove = async () => {
    if (await save({ sipAccount: null }, adminPin)) setDraft({ webSocketUrl: '', uri: '', authUser: '', displayName: '', password: '' });
  };
  const error = (key: string) => errors[`sipAccount.${key}`] ?? (key === 'webSocketUrl' ? errors.sipAccount : undefined);
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-label="SIP account">
      <p className="settings-field__hint">A SIP account on another PBX (external mode). Empty: the device is provisioned by its PBX.</p>
      <Field label="WebSocket URL" error={error('webSocketUrl')}>
        {(control) => <input {...control} type="url" autoComplete="off" spellCheck={false} placeholder="wss://pbx.example.com:8089/ws" value={draft.webSocketUrl} onChange={set('webSocketUrl')} />}
      </Field>
      <Field label="SIP URI" error={error('uri')}>
        {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} placeholder="sip:2001@example.com" value={draft.uri} onChange={set('uri')} />}
      </Field>
      <Field label="Auth user" error={error('authUser')}>
        {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} value={draft.authUser} onChange={set('authUser')} />}
      </Field>
      <Field label="Password" hint={held?.hasPassword ? 'A password is saved; type a new one to replace it.' : undefined} error={error('password')}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" placeholder={held?.hasPassword ? 'saved' : ''} value={draft.password} onChange={set('password')} />
        )}
      </Field>
      <Field label="Display name" error={error('displayName')}>
        {(control) => <input {...control} type="text" autoComplete="off" value={draft.displayName} onChange={set('displayName')} />}
      </Field>
      <div className="settings-actions">
        <SaveStatus busy={busy} saved={saved} problem={problem} label="Save SIP account" />
        {held ? (
          <button type="button" className="settings-button" onClick={() => void remove()} disabled={busy}>
            Remove SIP account
          </button>
        ) : null}
      </div>
    </form>
  );
}
