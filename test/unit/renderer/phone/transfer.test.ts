import { describe, expect, it } from 'vitest';
import { mayFollowRefer, referProgress, type ReferProgress } from '../../../../renderer/src/phone/transfer';

describe('transfer progress from the REFER and its NOTIFYs (RFC 3515 §2.4.5)', () => {
  it('turns sipfrag status lines into what the call shows, done on 2xx', () => {
    const steps: ReferProgress[] = [];
    const handlers = referProgress('103', (step) => steps.push(step));
    handlers.trying?.({ status_line: { status_code: 100, reason_phrase: 'Trying' } });
    handlers.progress?.({ status_line: { status_code: 180, reason_phrase: 'Ringing' } });
    handlers.accepted?.({ status_line: { status_code: 200, reason_phrase: 'OK' } });
    expect(steps).toEqual([
      { transfer: { text: 'Transferring to 103…', pending: true }, done: false },
      { transfer: { text: 'Transferring to 103 — Ringing', pending: true }, done: false },
      { transfer: { text: 'Transferred to 103', pending: true }, done: true },
    ]);
  });

  it('a failure says why and ends the attempt (the call stays)', () => {
    const steps: ReferProgress[] = [];
    const handlers = referProgress('103', (step) => steps.push(step));
    handlers.failed?.({ status_line: { status_code: 486, reason_phrase: 'Busy Here' } });
    handlers.failed?.({ status_line: { status_code: 603 } });
    handlers.requestFailed?.({ response: { status_code: 403, reason_phrase: 'Forbidden' } });
    handlers.requestFailed?.({ cause: 'Request Timeout' });
    expect(steps.map((step) => [step.transfer.text, step.transfer.pending, step.done])).toEqual([
      ['Transfer failed — Busy', false, false],
      ['Transfer failed — Call declined', false, false],
      ['Transfer failed — The phone system does not allow this call', false, false],
      ['Transfer failed — Request Timeout', false, false],
    ]);
  });
});

describe('which REFER the transferee follows (RFC 3515 §5)', () => {
  it('only to a user of its own SIP domain, over sip or sips', () => {
    expect(mayFollowRefer({ scheme: 'sip', user: '103', host: 'hotdesk.local' }, 'hotdesk.local')).toBe(true);
    expect(mayFollowRefer({ scheme: 'SIPS', user: '103', host: 'HotDesk.Local' }, 'hotdesk.local')).toBe(true);
    expect(mayFollowRefer({ scheme: 'sip', user: '0900123', host: 'premium.example' }, 'hotdesk.local')).toBe(false);
    expect(mayFollowRefer({ scheme: 'sip', user: null, host: 'hotdesk.local' }, 'hotdesk.local')).toBe(false);
    expect(mayFollowRefer({ scheme: 'tel', user: '103', host: 'hotdesk.local' }, 'hotdesk.local')).toBe(false);
  });

  it('never to a service code, which would act on this phone: hot-desk logout, pickup of another call, voicemail', () => {
    for (const user of ['*77*5*', '*20*104', '*999', '#31#', '1*77*5*']) {
      expect(mayFollowRefer({ scheme: 'sip', user, host: 'hotdesk.local' }, 'hotdesk.local'), user).toBe(false);
    }
    expect(mayFollowRefer({ scheme: 'sip', user: '+4930123456', host: 'hotdesk.local' }, 'hotdesk.local')).toBe(true);
  });
});
