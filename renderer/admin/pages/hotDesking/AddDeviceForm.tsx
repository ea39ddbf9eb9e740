import { useId, useState, type FormEvent } from 'react';
import type { ConsoleDevice } from '../../../../shared/contracts';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/TextField';
import { deviceFormToBody, type DeviceFormValues, type FieldErrors, LOCATION_FIELDS, locationPath } from './deviceForm';

const EMPTY: DeviceFormValues = { mac: '', provisioning: 'pnp', sbcHost: '', sbcPort: '', template: '', location: EMPTY_DISPATCHABLE_LOCATION };

/** Fields the form shows; an API error about any other field is shown above the buttons. */
const SHOWN = new Set(['mac', 'provisioning', 'sbc.host', 'sbc.port', 'template', ...LOCATION_FIELDS.map(({ key }) => locationPath(key))]);

/** Add device: MAC, provisioning method, SBC, Options with the dispatchable location; the API's errors by the fields. */
export function AddDeviceForm() {
  const api = useApi();
  const headingId = useId();
  const [values, setValues] = useState<DeviceFormValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<DeviceFormValues>) => setValues((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    setFormError(null);
    const { body, errors: found } = deviceFormToBody(values);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    try {
      const device = await api.post<ConsoleDevice>('/devices', body);
      setValues(EMPTY);
      setCreated(`${device.name} was created for ${device.mac}.`);
    } catch (failure) {
      if (!(failure instanceof ConsoleApiError)) throw failure;
      const byField = Object.fromEntries(Object.entries(failure.fields).filter(([field]) => SHOWN.has(field)));
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(failure.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card add-device" aria-labelledby={headingId}>
      <h2 id={headingId}>Add device</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <TextField label="MAC address" value={values.mac} error={errors.mac} onChange={(event) => set({ mac: event.target.value })} placeholder="02:00:00:00:0a:01" autoComplete="off" />
          <div className="field">
            <label htmlFor={`${headingId}-method`}>Provisioning method</label>
            <select id={`${headingId}-method`} value={values.provisioning} onChange={(event) => set({ provisioning: event.target.value as 'pnp' | 'url' })}>
              <option value="pnp">Plug and play</option>
              <option value="url">Provisioning URL</option>
            </select>
          </div>
          <TextField label="SBC address" value={values.sbcHost} error={errors['sbc.host']} onChange={(event) => set({ sbcHost: event.target.value })} autoComplete="off" />
          <TextField label="SBC port" value={values.sbcPort} error={errors['sbc.port']} onChange={(event) => set({ sbcPort: event.target.value })} inputMode="numeric" autoComplete="off" />
          <TextField label="Custom template" value={values.template} error={errors.template} onChange={(event) => set({ template: event.target.value })} autoComplete="off" />
        </div>
        <fieldset className="form-grid">
          <legend>Options: dispatchable location</legend>
          {LOCATION_FIELDS.map(({ key, label }) => (
            <TextField
              key={key}
              label={label}
              value={values.location[key]}
              error={errors[locationPath(key)]}
              onChange={(event) => set({ location: { ...values.location, [key]: event.target.value } })}
              autoComplete="off"
            />
          ))}
        </fieldset>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {created && (
          <p className="notice" role="status">
            {created}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          Add device
        </button>
      </form>
    </section>
  );
}
