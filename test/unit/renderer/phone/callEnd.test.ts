import { describe, expect, it } from 'vitest';
import {
  CALL_ENDED,
  CAUSES,
  NO_MICROPHONE,
  NO_SERVICE_CALL,
  callEndNotice,
  failureReason,
  responseOf,
  type CallEnding,
} from '../../../../renderer/src/phone/callEnd';
import { IDLE_DEVICE_REFUSAL } from '../../../../shared/domain/dialString';

const outgoingFailure = (overrides: Partial<CallEnding>): CallEnding => ({
  kind: 'failed',
  direction: 'outgoing',
  originator: 'remote',
  cause: CAUSES.BUSY,
  response: { statusCode: 486, reasonPhrase: 'Busy Here' },
  party: '102',
  ...overrides,
});

describe('responseOf', () => {
  it("reads a JsSIP IncomingResponse's status and reason phrase", () => {
    expect(responseOf({ status_code: 403, reason_phrase: ` ${IDLE_DEVICE_REFUSAL} ` })).toEqual({ statusCode: 403, reasonPhrase: IDLE_DEVICE_REFUSAL });
    expect(responseOf({ status_code: 404 })).toEqual({ statusCode: 404, reasonPhrase: '' });
  });

  it('is null for a request (BYE, CANCEL) or nothing', () => {
    expect(responseOf({ method: 'BYE' })).toBeNull();
    expect(responseOf(null)).toBeNull();
    expect(responseOf(undefined)).toBeNull();
  });
});

describe('failureReason', () => {
  it("shows the far end's own reason phrase, and a standard one in plain words", () => {
    expect(failureReason({ cause: CAUSES.REJECTED, response: { statusCode: 403, reasonPhrase: IDLE_DEVICE_REFUSAL } })).toBe(IDLE_DEVICE_REFUSAL);
    expect(failureReason({ cause: CAUSES.BUSY, response: { statusCode: 486, reasonPhrase: 'Busy Here' } })).toBe('Busy');
    expect(failureReason({ cause: CAUSES.NOT_FOUND, response: { statusCode: 404, reasonPhrase: 'Not Found' } })).toBe('Number not found');
  });

  it('falls back to the cause in plain words, or the status code', () => {
    expect(failureReason({ cause: CAUSES.BUSY, response: { statusCode: 486, reasonPhrase: '' } })).toBe('Busy');
    expect(failureReason({ cause: CAUSES.NOT_FOUND, response: { statusCode: 404, reasonPhrase: '' } })).toBe('Number not found');
    expect(failureReason({ cause: CAUSES.SIP_FAILURE_CODE, response: { statusCode: 499, reasonPhrase: '' } })).toBe('Call failed (499)');
    expect(failureReason({ cause: CAUSES.CONNECTION_ERROR, response: null })).toBe(NO_SERVICE_CALL);
    expect(failureReason({ cause: CAUSES.USER_DENIED_MEDIA_ACCESS, response: null })).toBe(NO_MICROPHONE);
    expect(failureReason({ cause: 'Something New', response: null })).toBe('Call failed: Something New');
  });
});

describe('callEndNotice', () => {
  it('an outgoing call the far end refused shows the reason as a warning', () => {
    expect(callEndNotice(outgoingFailure({}))).toEqual({ text: 'Busy', tone: 'warning' });
    expect(
      callEndNotice(outgoingFailure({ cause: CAUSES.REJECTED, response: { statusCode: 403, reasonPhrase: IDLE_DEVICE_REFUSAL } })),
    ).toEqual({ text: IDLE_DEVICE_REFUSAL, tone: 'warning' });
  });

  it('a call that could not start for local reasons is an error', () => {
    expect(callEndNotice(outgoingFailure({ originator: 'local', cause: CAUSES.USER_DENIED_MEDIA_ACCESS, response: null }))).toEqual({
      text: NO_MICROPHONE,
      tone: 'error',
    });
    expect(callEndNotice(outgoingFailure({ originator: 'system', cause: CAUSES.REQUEST_TIMEOUT, response: null }))?.tone).toBe('error');
  });

  it('says nothing when the user cancelled or declined', () => {
    expect(callEndNotice(outgoingFailure({ originator: 'local', cause: CAUSES.CANCELED, response: null }))).toBeNull();
    expect(callEndNotice(outgoingFailure({ direction: 'incoming', originator: 'local', cause: CAUSES.REJECTED, response: null }))).toBeNull();
  });

  it('an incoming call the caller gave up on is a missed call', () => {
    expect(
      callEndNotice(outgoingFailure({ direction: 'incoming', cause: CAUSES.CANCELED, response: null, party: '101 Bob Brown' })),
    ).toEqual({ text: 'Missed call from 101 Bob Brown', tone: 'info', missed: true });
  });

  it('an established call: the other side hanging up is a fleeting "Call ended"; our own hang-up says nothing', () => {
    const ended = { ...outgoingFailure({}), kind: 'ended' as const, cause: CAUSES.BYE, response: null };
    expect(callEndNotice(ended)).toEqual({ text: CALL_ENDED, tone: 'info', fleeting: true });
    expect(callEndNotice({ ...ended, originator: 'local' })).toBeNull();
    expect(callEndNotice({ ...ended, originator: 'system', cause: CAUSES.RTP_TIMEOUT })).toEqual({
      text: 'Call dropped: no audio from the other party',
      tone: 'error',
    });
  });
});
