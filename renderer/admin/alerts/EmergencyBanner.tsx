import { formatInstant } from '../format/formatInstant';
import { useAlerts } from './AlertsContext';

/** Every unacknowledged emergency call, on every page of the console, with its location and Acknowledge. */
export function EmergencyBanner() {
  const { emergencies, acknowledge, soundBlocked, enableSound } = useAlerts();
  if (emergencies.length === 0) return null;
  return (
    <section className="emergency-banner" role="alert" aria-label="Emergency calls">
      {emergencies.map((call) => (
        <div key={call.id} className="emergency-call">
          <p>
            <strong>{call.title}</strong> at {formatInstant(call.at)}
            <br />
            {call.detail}
          </p>
          <button type="button" className="button" aria-label={`Acknowledge: ${call.title}`} onClick={() => acknowledge(call.id)}>
            Acknowledge
          </button>
        </div>
      ))}
      {soundBlocked && (
        <button type="button" className="button" onClick={enableSound}>
          Turn on the alarm sound
        </button>
      )}
    </section>
  );
}
