import type { Settings, SettingsPatch } from '../../../../shared/contracts';
import { Field } from './Field';
import { useSettingsSave } from './useSettingsSave';

/** The languages the display's date and time are offered in (any BCP 47 tag is accepted over the bridge). */
const LANGUAGES: ReadonlyArray<{ tag: string; name: string }> = [
  { tag: 'en-US', name: 'English (US)' },
  { tag: 'en-GB', name: 'English (UK)' },
  { tag: 'de-DE', name: 'Deutsch' },
  { tag: 'fr-FR', name: 'Français' },
  { tag: 'es-ES', name: 'Español' },
  { tag: 'it-IT', name: 'Italiano' },
  { tag: 'nl-NL', name: 'Nederlands' },
];

/** Language and time format of the display, and the colour theme. Applied at once, no admin PIN. */
export function DisplaySection({ settings }: { settings: Settings }) {
  const { errors, problem, save } = useSettingsSave();
  const apply = (patch: SettingsPatch) => void save(patch);
  const languages = LANGUAGES.some((language) => language.tag === settings.language) ? LANGUAGES : [...LANGUAGES, { tag: settings.language, name: settings.language }];
  return (
    <section className="settings-section" aria-labelledby="settings-display">
      <h2 className="settings-section__title" id="settings-display">
        Display
      </h2>
      <Field label="Language" hint="The language of the date and time on the display." error={errors.language}>
        {(control) => (
          <select {...control} value={settings.language} onChange={(event) => apply({ language: event.target.value })}>
            {languages.map((language) => (
              <option key={language.tag} value={language.tag}>
                {language.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Time format" error={errors.timeFormat}>
        {(control) => (
          <select
            {...control}
            value={settings.timeFormat ?? ''}
            onChange={(event) => apply({ timeFormat: event.target.value === '' ? null : (event.target.value as '24h' | '12h') })}
          >
            <option value="">As the device's Options say</option>
            <option value="24h">24-hour (14:05)</option>
            <option value="12h">12-hour (2:05 PM)</option>
          </select>
        )}
      </Field>
      <Field label="Theme" error={errors.theme}>
        {(control) => (
          <select {...control} value={settings.theme} onChange={(event) => apply({ theme: event.target.value as Settings['theme'] })}>
            <option value="system">As the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        )}
      </Field>
      {problem ? (
        <p className="settings-field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
