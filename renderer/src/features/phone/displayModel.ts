import type { DeviceIdentity } from '../../../../shared/contracts';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import type { ConnectionState } from '../../bridge/connection';
import type { Caption, CaptionTone, DeviceStatus } from '../../store/types';

export interface DisplayInput {
  readonly status: DeviceStatus;
  readonly error: string | null;
  readonly mac: string | null;
  readonly identity: DeviceIdentity | null;
  readonly caption: Caption | null;
  readonly connection: ConnectionState;
  readonly loginCode?: string;
}

export interface DisplayModel {
  /** The big line: `HD0001`, `100 Alice Andrews`, or the state the device is in. */
  readonly headline: string;
  /** The caption line under it; may be empty. */
  readonly caption: string;
  readonly tone: CaptionTone;
}

export const STARTING = 'Starting…';
export const CANNOT_START = 'Cannot start';
export const NOT_PROVISIONED = 'Not provisioned';
export const RECONNECTING = 'Lost the connection to the device host — reconnecting…';

/** What the display says, from the device's state (PRODUCT.md §3, §6a). Transient captions win over defaults. */
export function describeDisplay(input: DisplayInput): DisplayModel {
  const transient = input.caption;
  if (input.status === 'failed') {
    const retrying = input.connection === 'open' ? '' : ' — retrying…';
    return { headline: CANNOT_START, caption: `${input.error ?? 'The device host did not answer'}${retrying}`, tone: 'error' };
  }
  if (input.status === 'starting') {
    return { headline: STARTING, caption: transient?.text ?? '', tone: transient?.tone ?? 'info' };
  }
  const headline = headlineFor(input.identity);
  if (input.connection === 'closed') return { headline, caption: RECONNECTING, tone: 'warning' };
  if (transient) return { headline, caption: transient.text, tone: transient.tone };
  return { headline, caption: defaultCaption(input), tone: 'info' };
}

export function headlineFor(identity: DeviceIdentity | null): string {
  switch (identity?.kind) {
    case undefined:
      return NOT_PROVISIONED;
    case 'pool':
      return identity.name;
    case 'user':
      return `${identity.extension} ${identity.name}`.trim();
    case 'account':
      return identity.name || identity.uri;
  }
}

function defaultCaption(input: DisplayInput): string {
  switch (input.identity?.kind) {
    case undefined:
      return `MAC ${input.mac ?? 'unknown'} — waiting for the administrator`;
    case 'pool':
      return `Dial ${input.loginCode ?? DEFAULT_DIAL_CODES.login}<ext>* to log in`;
    default:
      return '';
  }
}
