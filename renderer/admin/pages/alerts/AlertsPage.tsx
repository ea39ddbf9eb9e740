import { useAlerts } from '../../alerts/AlertsContext';
import type { AlertKind } from '../../alerts/alertModel';
import { formatInstant } from '../../format/formatInstant';

const KIND: Record<AlertKind, string> = {
  emergency: 'Emergency call',
  lockout: 'Lockout',
  provisioning: 'Provisioning failure',
  webhook: 'Notification failure',
};

/** Emergency calls (with their location), PIN lockouts and provisioning failures, newest first, live. */
export function AlertsPage() {
  const { alerts, acknowledge, historyError } = useAlerts();
  return (
    <>
      {historyError && (
        <p className="load-error" role="alert">
          Could not load earlier alerts: {historyError}
        </p>
      )}
      {alerts.length === 0 ? (
        <p className="empty">No alerts. Emergency calls, lockouts and provisioning failures appear here as they happen.</p>
      ) : (
        <ul className="alert-list" aria-label="Alerts">
          {alerts.map((entry) => (
            <li key={entry.id} className="card alert-item" data-kind={entry.kind} data-acknowledged={entry.acknowledged}>
              <p className="alert-kind">
                {KIND[entry.kind]} · {formatInstant(entry.at)}
                {entry.acknowledged && ' · acknowledged'}
              </p>
              <p>
                <strong>{entry.title}</strong>
                <br />
                {entry.detail}
              </p>
              {!entry.acknowledged && (
                <button type="button" className="button" aria-label={`Acknowledge: ${entry.title}`} onClick={() => acknowledge(entry.id)}>
                  Acknowledge
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
