import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext';
import { useLiveEvents } from '../events/EventsContext';
import { loadAcknowledged, saveAcknowledged } from './acknowledgements';
import { AlarmSound } from './alarmSound';
import { acknowledgeAlert, activeEmergencies, addAlerts, ALERT_AUDIT_KINDS, ALERT_EVENTS, alertFromAudit, alertFromEvent, type ConsoleAlert } from './alertModel';

interface AlertsState {
  alerts: readonly ConsoleAlert[];
  /** Unacknowledged urgent emergency calls: the banner on every page and the sound. */
  emergencies: readonly ConsoleAlert[];
  historyError: string | null;
  soundBlocked: boolean;
  acknowledge(id: string): void;
  enableSound(): void;
}

const AlertsContext = createContext<AlertsState | null>(null);

export function useAlerts(): AlertsState {
  const state = useContext(AlertsContext);
  if (!state) throw new Error('useAlerts needs an <AlertsProvider>');
  return state;
}

type AuditEntry = Parameters<typeof alertFromAudit>[0];

/** Collects the console's alerts for every page: the recent history once, then the live events; sounds the alarm. */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const acknowledged = useRef(loadAcknowledged());
  const [alerts, setAlerts] = useState<readonly ConsoleAlert[]>([]);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const sound = useMemo(() => new AlarmSound(), []);

  useEffect(() => {
    let current = true;
    api.get<{ events: AuditEntry[] }>(`/audit?kind=${ALERT_AUDIT_KINDS.join(',')}&limit=50`).then(
      ({ events }) => {
        if (!current) return;
        const now = Date.now();
        const history = events.map((event) => alertFromAudit(event, now)).filter((entry): entry is ConsoleAlert => entry !== null);
        setAlerts((list) => addAlerts(list, history, acknowledged.current));
      },
      (error: Error) => current && setHistoryError(error.message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useLiveEvents(ALERT_EVENTS, (type, data) => {
    const entry = alertFromEvent(type, data, new Date().toISOString());
    if (entry) setAlerts((list) => addAlerts(list, [entry], acknowledged.current));
  });

  const acknowledge = useCallback((id: string) => {
    acknowledged.current.add(id);
    saveAcknowledged(acknowledged.current);
    setAlerts((list) => acknowledgeAlert(list, id));
  }, []);

  const emergencies = useMemo(() => activeEmergencies(alerts), [alerts]);
  useEffect(() => {
    if (emergencies.length === 0) {
      sound.stop();
      setSoundBlocked(false);
      return;
    }
    sound.start();
    setSoundBlocked(sound.blocked);
  }, [emergencies.length, sound]);
  useEffect(() => () => sound.stop(), [sound]);

  const enableSound = useCallback(() => {
    sound.unblock();
    setSoundBlocked(false);
  }, [sound]);

  const value = useMemo(
    () => ({ alerts, emergencies, historyError, soundBlocked, acknowledge, enableSound }),
    [alerts, emergencies, historyError, soundBlocked, acknowledge, enableSound],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}
