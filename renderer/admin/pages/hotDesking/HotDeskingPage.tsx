import { useCallback, useState } from 'react';
import type { ConsoleDevice } from '../../../../shared/contracts';
import { ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadState } from '../../components/LoadState';
import { useLiveCollection } from '../../events/useLiveCollection';
import { formatInstant } from '../../format/formatInstant';
import { AddDeviceForm } from './AddDeviceForm';
import { applyDeviceEvent, DEVICE_EVENTS, provisioningText, sbcText, sortDevices, statusText } from './deviceRows';

/** Every hot-desking device, live: who is logged in where, with the admin's Log out, and Add device. */
export function HotDeskingPage() {
  const api = useApi();
  const load = useCallback(async () => sortDevices((await api.get<{ devices: ConsoleDevice[] }>('/devices')).devices), [api]);
  const devices = useLiveCollection(load, DEVICE_EVENTS, applyDeviceEvent);
  const [loggingOut, setLoggingOut] = useState<ConsoleDevice | null>(null);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirmLogout(device: ConsoleDevice) {
    setBusy(true);
    try {
      await api.post(`/devices/${encodeURIComponent(device.name)}/logout`);
      setLoggingOut(null);
    } catch (failure) {
      // Logged out meanwhile (another admin, the user): the row already says so.
      if (failure instanceof ConsoleApiError && failure.code === 'not-logged-in') setLoggingOut(null);
      else setLogoutError(failure instanceof ConsoleApiError ? failure.message : 'The logout failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <LoadState what="devices" loading={devices.loading} error={devices.error} onRetry={devices.reload} />
      {!devices.loading && !devices.error && <DeviceTable devices={devices.rows} onLogout={(device) => (setLogoutError(null), setLoggingOut(device))} />}
      <AddDeviceForm />
      {loggingOut && (
        <ConfirmDialog
          title={`Log out ${loggingOut.name}?`}
          confirmLabel="Log out"
          busy={busy}
          error={logoutError}
          onCancel={() => setLoggingOut(null)}
          onConfirm={() => void confirmLogout(loggingOut)}
        >
          <p>
            {loggingOut.userName ?? loggingOut.extension} will be logged out of {loggingOut.name}; the device returns to its pool identity and their
            call history on it is cleared.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function DeviceTable({ devices, onLogout }: { devices: readonly ConsoleDevice[]; onLogout(device: ConsoleDevice): void }) {
  if (devices.length === 0) return <p className="empty">No hot-desking devices yet. Add one below, or assign a waiting phone under Phones.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Hot desking devices">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">MAC</th>
            <th scope="col">Location</th>
            <th scope="col">Provisioning</th>
            <th scope="col">SBC</th>
            <th scope="col">Status</th>
            <th scope="col">Last registration</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.name} data-status={device.status}>
              <th scope="row">{device.name}</th>
              <td className="mono">{device.mac}</td>
              <td>{device.location || '—'}</td>
              <td>{provisioningText(device)}</td>
              <td className="mono">{sbcText(device)}</td>
              <td>
                <span className="status-badge" data-status={device.status}>
                  {statusText(device)}
                </span>
              </td>
              <td>{formatInstant(device.lastRegistration)}</td>
              <td>
                {device.status === 'logged-in' && (
                  <button type="button" className="button" aria-label={`Log out ${device.name}`} onClick={() => onLogout(device)}>
                    Log out
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
