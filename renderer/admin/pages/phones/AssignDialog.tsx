import { useId, useState } from 'react';
import type { ConsoleDevice, ConsolePhone } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { assignCall, assignPreparation, type AssignTarget } from './phoneRows';

/** Assign a pending phone to a new hot-desking device or an existing one, after comparing the key's fingerprint. */
export function AssignDialog({ phone, devices, onDone }: { phone: ConsolePhone; devices: readonly ConsoleDevice[]; onDone(result: string | null): void }) {
  const api = useApi();
  const selectId = useId();
  const own = devices.find((device) => device.mac === phone.mac);
  const [choice, setChoice] = useState(own ? own.name : 'new');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target: AssignTarget = choice === 'new' ? { kind: 'new' } : { kind: 'existing', name: choice };
  const replacing = target.kind === 'existing' ? devices.find((device) => device.name === target.name && device.mac !== phone.mac) : undefined;

  async function assign() {
    setBusy(true);
    setError(null);
    try {
      const preparation = assignPreparation(phone, target, devices);
      const prepared = preparation ? await api.request<ConsoleDevice>(preparation.method, preparation.path, preparation.body) : null;
      const name = target.kind === 'new' ? (prepared as ConsoleDevice).name : target.name;
      const call = assignCall(phone, name);
      await api.request(call.method, call.path, call.body);
      onDone(`${phone.mac} was assigned to ${name}.`);
    } catch (failure) {
      setError(failure instanceof ConsoleApiError ? failure.message : 'The assign failed');
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog title={`Assign ${phone.mac}`} confirmLabel="Assign" busy={busy} error={error} onCancel={() => onDone(null)} onConfirm={() => void assign()}>
      <p>
        Compare this fingerprint with the one the device shows before you assign it:
        <br />
        <code className="mono">{phone.fingerprint}</code>
      </p>
      <div className="field">
        <label htmlFor={selectId}>Hot-desking device</label>
        <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="new">New device</option>
          {devices.map((device) => (
            <option key={device.name} value={device.name}>
              {device.name} ({device.mac})
            </option>
          ))}
        </select>
      </div>
      {replacing && (
        <p className="warning">
          {replacing.name} is set up for {replacing.mac}: it will get this MAC, new credentials and a new provisioning URL, and the phone it had
          stops working.
        </p>
      )}
    </ConfirmDialog>
  );
}
