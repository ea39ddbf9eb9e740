import { useCallback, useState } from 'react';
import type { ConsoleDevice, ConsolePhone } from '../../../../shared/contracts';
import { useApi } from '../../api/ApiContext';
import { LoadState } from '../../components/LoadState';
import { useLiveCollection } from '../../events/useLiveCollection';
import { formatInstant } from '../../format/formatInstant';
import { applyDeviceEvent, DEVICE_EVENTS, sortDevices } from '../hotDesking/deviceRows';
import { AssignDialog } from './AssignDialog';
import { applyPhoneEvent, assignBlocker, PHONE_EVENTS, phoneDescription, sortPhones } from './phoneRows';

/** Phones waiting for the administrator (plug-and-play requests), live, with Assign. */
export function PhonesPage() {
  const api = useApi();
  const loadPhones = useCallback(async () => sortPhones((await api.get<{ phones: ConsolePhone[] }>('/phones')).phones), [api]);
  const loadDevices = useCallback(async () => sortDevices((await api.get<{ devices: ConsoleDevice[] }>('/devices')).devices), [api]);
  const phones = useLiveCollection(loadPhones, PHONE_EVENTS, applyPhoneEvent);
  const devices = useLiveCollection(loadDevices, DEVICE_EVENTS, applyDeviceEvent);
  const [assigning, setAssigning] = useState<ConsolePhone | null>(null);
  const [result, setResult] = useState<string | null>(null);

  return (
    <>
      <p className="intro">A phone that is not provisioned asks the PBX for its settings and waits here until you assign it to a hot-desking device.</p>
      <p role="status" className="notice">
        {result}
      </p>
      <LoadState what="pending phones" loading={phones.loading} error={phones.error} onRetry={phones.reload} />
      {!phones.loading && !phones.error && phones.rows.length === 0 && <p className="empty">No phone is waiting to be assigned.</p>}
      {phones.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Pending phones">
            <thead>
              <tr>
                <th scope="col">MAC</th>
                <th scope="col">Phone</th>
                <th scope="col">Address</th>
                <th scope="col">Key fingerprint</th>
                <th scope="col">Last request</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {phones.rows.map((phone) => {
                const blocker = assignBlocker(phone);
                return (
                  <tr key={phone.mac}>
                    <th scope="row" className="mono">
                      {phone.mac}
                    </th>
                    <td>{phoneDescription(phone)}</td>
                    <td>{phone.address ?? '—'}</td>
                    <td className="mono fingerprint">
                      {phone.fingerprint ?? 'none'}
                      {phone.keyMismatch && <span className="warning"> Not the key {phone.device} is enrolled to</span>}
                    </td>
                    <td>{formatInstant(phone.lastSeen)}</td>
                    <td>
                      {blocker ? (
                        <span className="notice">{blocker}</span>
                      ) : (
                        <button type="button" className="button" aria-label={`Assign ${phone.mac}`} onClick={() => (setResult(null), setAssigning(phone))}>
                          Assign
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {assigning && (
        <AssignDialog
          phone={assigning}
          devices={devices.rows}
          onDone={(message) => {
            setAssigning(null);
            if (message) setResult(message);
          }}
        />
      )}
    </>
  );
}
