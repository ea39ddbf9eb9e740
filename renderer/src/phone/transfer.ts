import type { TransferStatus } from './callView';
import { describeStatus } from './sipStatusText';

/** One step of a transfer as the transferor sees it: what the call shows, and whether the target has answered. */
export interface ReferProgress {
  readonly transfer: TransferStatus;
  readonly done: boolean;
}

interface StatusLine {
  readonly status_code?: number | string;
  readonly reason_phrase?: string;
}

/**
 * `180 Ringing` → `Ringing`; a failure in plain words (`486 Busy Here` → `Busy`, sipStatusText.ts); a status line
 * without a phrase gives its code, none at all `fallback`.
 */
function reasonOf(line: StatusLine | undefined, fallback: string): string {
  const status = Number(line?.status_code);
  if (line?.status_code !== undefined && status >= 300) return describeStatus(status, line.reason_phrase ?? '');
  return line?.reason_phrase?.trim() || (line?.status_code !== undefined ? String(line.status_code) : fallback);
}

/**
 * JsSIP's REFER event handlers (its ReferSubscriber's events), turned into progress of the transfer: the REFER's own
 * answer (202, or a failure), then the NOTIFYs' `message/sipfrag` status lines (RFC 3515 §2.4.5) — 100 trying,
 * 1xx the target alerts, 2xx the target answered (done), anything else the transfer failed.
 */
export function referProgress(label: string, report: (progress: ReferProgress) => void): Record<string, (event: { status_line?: StatusLine; response?: StatusLine; cause?: string }) => void> {
  const step = (text: string, pending: boolean, done = false) => report({ transfer: { text, pending }, done });
  return {
    requestFailed: (event) => step(`Transfer failed — ${reasonOf(event.response, event.cause ?? 'refused')}`, false),
    trying: () => step(`Transferring to ${label}…`, true),
    progress: (event) => step(`Transferring to ${label} — ${reasonOf(event.status_line, 'Ringing')}`, true),
    accepted: () => step(`Transferred to ${label}`, true, true),
    failed: (event) => step(`Transfer failed — ${reasonOf(event.status_line, 'no answer')}`, false),
  };
}

/** The parts of a Refer-To URI the transferee judges. */
export interface ReferTarget {
  readonly scheme: string;
  readonly user: string | null | undefined;
  readonly host: string;
}

/**
 * Whether this phone follows a REFER to `target`: only to a user of its own SIP domain. A REFER makes the phone place
 * a call in its user's name, so a far end must not send it to arbitrary addresses (RFC 3515 §5), nor to a service
 * code (`*` or `#`): those act on this phone itself — the hot-desk logout, picking up another phone's call.
 */
export function mayFollowRefer(target: ReferTarget, domain: string): boolean {
  const scheme = target.scheme.toLowerCase();
  const user = target.user ?? '';
  return (scheme === 'sip' || scheme === 'sips') && user !== '' && !/[*#]/.test(user) && target.host.toLowerCase() === domain.toLowerCase();
}
