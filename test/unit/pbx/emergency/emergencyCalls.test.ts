import { describe, expect, it } from 'vitest';
import { EmergencyCalls, type EmergencyCallEvent } from '../../../../electron/pbx/core';
import { parsePidfLo } from '../../../../electron/pbx/core/emergency/pidfLo';
import { findBodyPart, findBodyPartById, getBodyText, getHeader, parseSipMessage, serializeSipMessage, type Flow, type SipRequest } from '../../../../electron/sip';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';

const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n';
const DESK = { ...EMPTY_DISPATCHABLE_LOCATION, country: 'US', city: 'Example City', site: 'HQ', building: '1', floor: '2', desk: '14' };
const flow = { id: 'flow-1' } as Flow;

function invite(extraHeaders = ''): SipRequest {
  const text = `INVITE sip:911@hotdesk.local SIP/2.0\r\nVia: SIP/2.0/WS a.invalid;branch=z9hG4bK1\r\nMax-Forwards: 70\r\nFrom: <sip:HD0001@hotdesk.local>;tag=1\r\nTo: <sip:911@hotdesk.local>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n${extraHeaders}Content-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`;
  const parsed = parseSipMessage(text);
  if (!parsed.ok) throw new Error('test INVITE does not parse');
  return parsed.message as SipRequest;
}

function calls(registered: boolean, events: EmergencyCallEvent[]) {
  return new EmergencyCalls({
    domain: 'hotdesk.local',
    flowIdentities: { has: (flowId, user) => registered && flowId === 'flow-1' && user === 'HD0001' },
    deskOf: ({ registeredUser }) => (registeredUser === 'HD0001' ? { device: { name: 'HD0001', mac: '02:00:00:00:00:01', location: DESK }, user: null } : null),
    now: () => new Date('2026-01-02T03:04:05Z'),
    randomId: () => 'abc123',
    onCall: (event) => events.push(event),
  });
}

describe('EmergencyCalls (RFC 6442 location conveyance)', () => {
  it('adds the desk PIDF-LO beside the SDP, referenced by Geolocation, with Geolocation-Routing: no', () => {
    const events: EmergencyCallEvent[] = [];
    const request = invite();
    calls(true, events).received(request, flow, '911');
    const onWire = parseSipMessage(serializeSipMessage(request));
    if (!onWire.ok) throw new Error('the rewritten INVITE does not parse');
    const sent = onWire.message;
    expect(getHeader(sent, 'Geolocation')).toBe('<cid:emergency-abc123@hotdesk.local>');
    expect(getHeader(sent, 'Geolocation-Routing')).toBe('no');
    expect(getHeader(sent, 'Content-Type')).toMatch(/^multipart\/mixed;boundary=/);
    expect(getBodyText(findBodyPart(sent, 'application/sdp') ?? { body: new Uint8Array() })).toBe(SDP);
    const pidf = findBodyPartById(sent, 'emergency-abc123@hotdesk.local');
    expect(getHeader(pidf ?? { headers: [] }, 'Content-Type')).toBe('application/pidf+xml');
    expect(parsePidfLo(getBodyText(pidf ?? { body: new Uint8Array() }))).toEqual({ ok: true, entity: 'pres:HD0001@hotdesk.local', location: DESK });
    expect(events).toEqual([
      {
        id: 'abc123',
        number: '911',
        at: '2026-01-02T03:04:05.000Z',
        caller: 'sip:HD0001@hotdesk.local',
        device: { name: 'HD0001', mac: '02:00:00:00:00:01' },
        user: null,
        location: { short: 'HQ, Building 1, Floor 2, Desk 14', civic: DESK, source: 'pbx' },
      },
    ]);
  });

  it('leaves a request that conveys a location of its own as it is', () => {
    const events: EmergencyCallEvent[] = [];
    const request = invite('Geolocation: <https://lis.example/loc/1>\r\n');
    calls(true, events).received(request, flow, '911');
    expect(getHeader(request, 'Content-Type')).toBe('application/sdp');
    expect(getHeader(request, 'Geolocation-Routing')).toBeUndefined();
    expect(events[0]?.location).toBeNull();
  });

  it('adds nothing for a caller that has not registered on this connection, but still notifies', () => {
    const events: EmergencyCallEvent[] = [];
    const request = invite();
    calls(false, events).received(request, flow, '112');
    expect(getHeader(request, 'Geolocation')).toBeUndefined();
    expect(events[0]).toMatchObject({ number: '112', device: null, location: null });
  });

  it('asks for the desk by connection, with the From user only when it registered over it', () => {
    const asked: unknown[] = [];
    const events: EmergencyCallEvent[] = [];
    const byConnection = new EmergencyCalls({
      domain: 'hotdesk.local',
      flowIdentities: { has: () => false },
      deskOf: (caller) => (asked.push(caller), caller.flowId === 'flow-1' ? { device: { name: 'HD0001', mac: '02:00:00:00:00:01', location: DESK }, user: null } : null),
      now: () => new Date('2026-01-02T03:04:05Z'),
      randomId: () => 'def456',
      onCall: (event) => events.push(event),
    });
    const request = invite();
    byConnection.received(request, flow, '911');
    expect(asked).toEqual([{ flowId: 'flow-1', registeredUser: null }]);
    expect(getHeader(request, 'Geolocation')).toBe('<cid:emergency-def456@hotdesk.local>');
    expect(events[0]).toMatchObject({ device: { name: 'HD0001' }, location: { source: 'pbx' } });
  });
});
