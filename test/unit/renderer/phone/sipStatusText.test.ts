import { describe, expect, it } from 'vitest';
import { describeStatus, registrationRefusal, REGISTRATION_REFUSED, STATUS_TEXT } from '../../../../renderer/src/phone/sipStatusText';

describe('SIP statuses in plain words', () => {
  it.each([
    [486, 'Busy Here', 'Busy'],
    [404, 'Not Found', 'Number not found'],
    [480, 'Temporarily Unavailable', 'Not available right now'],
    [603, 'Decline', 'Call declined'],
    [488, '', 'The other phone cannot agree on audio with this one'],
    [503, 'Service Unavailable', 'The phone system is unavailable — try again later'],
  ])('%i %s reads "%s"', (status, phrase, text) => {
    expect(describeStatus(status, phrase)).toBe(text);
  });

  it('says a credentials problem as such, with the status, instead of "Proxy Authentication Required"', () => {
    expect(describeStatus(407, 'Proxy Authentication Required')).toBe('The phone system did not accept this phone’s SIP user and password (407)');
    expect(describeStatus(401, 'Unauthorized')).toBe('The phone system did not accept this phone’s SIP user and password (401)');
  });

  it("shows the far end's own words as they are", () => {
    expect(describeStatus(486, 'Do Not Disturb')).toBe('Do Not Disturb');
    expect(describeStatus(403, 'Idle phones may call only emergency numbers')).toBe('Idle phones may call only emergency numbers');
  });

  it('a status the table lacks says its class and code', () => {
    expect(describeStatus(499, '')).toBe('Call failed (499)');
    expect(describeStatus(599, 'Server Weird')).toBe('Server Weird');
    expect(describeStatus(580, '')).toBe('The phone system failed (580)');
    expect(describeStatus(699, '')).toBe('Call refused everywhere (699)');
    expect(describeStatus(302, '')).toBe('Call redirected (302) — this phone does not follow redirects');
  });

  it('has words for every final status of RFC 3261 §21.4–21.6 a call can end with', () => {
    for (const status of [400, 401, 402, 403, 404, 405, 407, 408, 410, 413, 415, 420, 480, 481, 482, 483, 484, 485, 486, 487, 488, 491, 500, 501, 502, 503, 504, 513, 600, 603, 604, 606]) {
      expect(STATUS_TEXT[status], `status ${status}`).toMatch(/^[A-Z]/);
    }
  });
});

describe('registrationRefusal', () => {
  it('is the credentials message for 401, 403 and 407, with status and phrase', () => {
    expect(registrationRefusal({ statusCode: 403, reasonPhrase: 'Forbidden' })).toBe(`${REGISTRATION_REFUSED} (403 Forbidden)`);
    expect(registrationRefusal({ statusCode: 401, reasonPhrase: '' })).toBe(`${REGISTRATION_REFUSED} (401 Unauthorized)`);
  });

  it('is null for anything else (No service)', () => {
    expect(registrationRefusal(null)).toBeNull();
    expect(registrationRefusal({ statusCode: 503, reasonPhrase: 'Service Unavailable' })).toBeNull();
    expect(registrationRefusal({ statusCode: 408, reasonPhrase: 'Request Timeout' })).toBeNull();
  });
});
