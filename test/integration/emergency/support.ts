import { expect } from 'vitest';
import { ADMIN } from '../admin/support/apiServer';
import { EventStreamClient, type ServerSentEvent } from '../admin/support/eventStreamClient';
import type { DeskPhone, IvrCall } from '../hotdesk/support/deskPhone';
import type { TestPbx } from '../support/pbxServer';

/** HD0001's demo location. */
export const DESK_14 = 'HQ, Building 1, Floor 2, Desk 14';
export const OPERATOR_ANSWER = `Emergency service (demo). Your location: ${DESK_14}`;

/** The admin event stream of a PBX, read as an SSE client with admin Basic auth. */
export async function openEvents(server: TestPbx): Promise<EventStreamClient> {
  const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
  await stream.until(() => stream.comments.includes('connected'));
  return stream;
}

/** The next event named `name` from now on. */
export function nextEvent(stream: EventStreamClient, name: string): Promise<ServerSentEvent> {
  const seen = stream.events.length;
  const found = () => stream.events.slice(seen).find((event) => event.event === name);
  return stream.until(() => found() !== undefined).then(() => found() as ServerSentEvent);
}

/**
 * The desk dials an emergency number: the `emergency-call` event reaches the SSE client before the operator's answer
 * reaches the phone, the call connects (real WebRTC media), and the operator's caption names the location the INVITE
 * carried to it as a PIDF-LO. Resolves with the event's data and the call.
 */
export async function dialEmergency(stream: EventStreamClient, desk: DeskPhone, number: string): Promise<{ data: Record<string, unknown>; call: IvrCall }> {
  const order: string[] = [];
  const event = nextEvent(stream, 'emergency-call').then((value) => (order.push('event'), value));
  const answered = desk.dial(number).then((value) => (order.push('answer'), value));
  const [notified, call] = await Promise.all([event, answered]);
  expect(order).toEqual(['event', 'answer']);
  expect(call.status).toBe(200);
  expect(await call.nextCaption()).toBe(OPERATOR_ANSWER);
  return { data: notified.data as Record<string, unknown>, call };
}

/** What every emergency call from HD0001 carries, whoever is logged in there. */
export function fromHd0001(number: string, user: { extension: string; name: string } | null, caller: string) {
  return {
    type: 'emergency-call',
    number,
    caller: `sip:${caller}@hotdesk.local`,
    device: { name: 'HD0001', mac: '02:00:00:00:00:01' },
    user,
    location: { short: DESK_14, source: 'pbx', civic: { country: 'US', site: 'HQ', building: '1', floor: '2', desk: '14' } },
  };
}
