import { Display } from '../../components/Display';
import { SettingsButton } from '../settings/SettingsButton';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors, deviceSelectors, historySelectors, sessionSelectors } from '../../store/selectors';
import { formatClockDate, formatClockTime } from './clock';
import { describeDisplay, displayIndicators } from './displayModel';
import { useNow } from './useNow';

export function PhoneDisplay() {
  const status = useAppStore(deviceSelectors.status);
  const error = useAppStore(deviceSelectors.error);
  const mac = useAppStore(deviceSelectors.mac);
  const location = useAppStore(deviceSelectors.location);
  const timeZone = useAppStore(deviceSelectors.timeZone);
  const timeFormat = useAppStore(deviceSelectors.timeFormat);
  const locale = useAppStore(deviceSelectors.language);
  const mode = useAppStore(deviceSelectors.mode);
  const connection = useAppStore(deviceSelectors.connection);
  const identity = useAppStore(sessionSelectors.identity);
  const registration = useAppStore(sessionSelectors.registration);
  const registrationProblem = useAppStore(sessionSelectors.registrationProblem);
  const caption = useAppStore(callsSelectors.caption);
  const call = useAppStore(callsSelectors.call);
  const provisioningError = useAppStore(deviceSelectors.provisioningError);
  const logoutPending = useAppStore(deviceSelectors.logoutPending);
  const missed = useAppStore(historySelectors.missedUnseen);
  const doNotDisturb = useAppStore(historySelectors.doNotDisturb);
  const now = useNow();

  const model = describeDisplay({ status, error, mac, identity, caption, connection, call, provisioningError, logoutPending, registrationProblem, registration });
  const clock = { timeZone, timeFormat, locale } as const;
  return (
    <Display
      registration={registration}
      location={location}
      time={formatClockTime(now, clock)}
      date={formatClockDate(now, clock)}
      dateTime={now.toISOString()}
      badge={mode === 'demo' ? 'Demo' : null}
      indicators={displayIndicators(doNotDisturb, missed)}
      headline={model.headline}
      caption={model.caption}
      tone={model.tone}
      call={model.call}
      actions={<SettingsButton />}
    />
  );
}
