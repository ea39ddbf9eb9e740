import type { ReactNode } from 'react';
import type { CaptionTone, RegistrationState } from '../store/types';
import { CallTimer } from './CallTimer';
import { Lamp, type LampColour } from './Lamp';

const REGISTRATION: Record<RegistrationState, { colour: LampColour; blinking: boolean; text: string }> = {
  unregistered: { colour: 'off', blinking: false, text: 'Not registered' },
  registering: { colour: 'amber', blinking: true, text: 'Registering…' },
  registered: { colour: 'green', blinking: false, text: 'Registered' },
  'no-service': { colour: 'red', blinking: false, text: 'No service' },
  refused: { colour: 'red', blinking: false, text: 'Registration failed' },
};

export interface DisplayProps {
  readonly registration: RegistrationState;
  readonly location: string | null;
  readonly time: string;
  readonly date: string;
  /** ISO timestamp for the <time> element. */
  readonly dateTime: string;
  readonly badge: string | null;
  /** Device states the user must see at a glance: `Do not disturb`, `2 missed calls`. */
  readonly indicators?: readonly string[];
  readonly headline: string;
  readonly caption: string;
  readonly tone: CaptionTone;
  /** The call block, while there is a call. */
  readonly call?: {
    readonly party: string;
    readonly status: string;
    readonly phase: string;
    readonly answeredAt: number | null;
    /** PIN digits as dots, in a call to a hot-desk code. */
    readonly masked?: string;
  } | null;
  /** Controls at the end of the status bar (the settings gear). */
  readonly actions?: ReactNode;
}

/**
 * The phone's LCD: status bar (registration lamp, location, clock), the identity line and the caption line. It is a
 * polite live region named "Phone display", so captions such as a refused number are announced.
 */
export function Display(props: DisplayProps) {
  const registration = REGISTRATION[props.registration];
  return (
    <section className="display" role="status" aria-label="Phone display" data-in-call={props.call ? true : undefined}>
      <div className="display__bar">
        <span className="display__registration" data-registration={props.registration}>
          <Lamp colour={registration.colour} blinking={registration.blinking} />
          <span>{registration.text}</span>
        </span>
        {props.badge ? <span className="display__badge">{props.badge}</span> : null}
        {(props.indicators ?? []).map((indicator) => (
          <span key={indicator} className="display__indicator">
            {indicator}
          </span>
        ))}
        <span className="display__location">{props.location ?? ''}</span>
        {/* The clock changes every minute; don't announce that. */}
        <span className="display__clock" aria-live="off">
          <time className="display__time" dateTime={props.dateTime}>
            {props.time}
          </time>
          <span className="display__date">{props.date}</span>
        </span>
        {props.actions}
      </div>
      <div className="display__main">
        <p className="display__headline">{props.headline}</p>
        {props.call ? (
          <div className="display__call" data-phase={props.call.phase}>
            <span className="visually-hidden"> — </span>
            <p className="display__party">{props.call.party}</p>
            <p className="display__call-status">
              <span>{props.call.status}</span>
              {props.call.answeredAt !== null ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <CallTimer since={props.call.answeredAt} />
                </>
              ) : null}
            </p>
            {props.call.masked ? (
              <p className="display__pin">
                <span className="visually-hidden">PIN entered: </span>
                <span aria-hidden="true">{props.call.masked}</span>
                <span className="visually-hidden">{`${props.call.masked.length} digits`}</span>
              </p>
            ) : null}
          </div>
        ) : null}
        {/* Keeps the two lines apart when read as one text (screen readers, textContent). */}
        {props.caption ? <span className="visually-hidden"> — </span> : null}
        <p className="display__caption" data-tone={props.tone}>
          {props.caption}
        </p>
      </div>
    </section>
  );
}
