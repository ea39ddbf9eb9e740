import { headerKey, splitHeaderList, type SipMessage } from '../../../sip';

/** Removes the topmost Via value, which may share a header line with others (RFC 3261 §16.7 step 3). */
export function stripTopVia(message: SipMessage): void {
  const index = message.headers.findIndex((header) => headerKey(header.name) === 'via');
  if (index < 0) return;
  const header = message.headers[index];
  if (!header) return;
  const rest = splitHeaderList(header.value).slice(1);
  if (rest.length === 0) message.headers.splice(index, 1);
  else message.headers[index] = { name: header.name, value: rest.join(', ') };
}

/** A deep enough copy of a message to change its start line and headers without touching the original. */
export function cloneMessage<T extends SipMessage>(message: T): T {
  return { ...message, headers: message.headers.map((header) => ({ ...header })) };
}
