import { describe, expect, it } from 'vitest';
import { RtpClock } from '../../../../electron/pbx/media/rtpClock';

describe('RtpClock', () => {
  it('continues timestamps frame by frame and marks the start of each talkspurt', () => {
    let now = 0;
    const clock = new RtpClock({ clockRate: 8000, now: () => now, initialSequenceNumber: 0xfffe, initialTimestamp: 0xffffff00 });
    const headers = [];
    headers.push(clock.next(160));
    now += 20;
    headers.push(clock.next(160));
    now += 21; // a late timer is still the same talkspurt
    headers.push(clock.next(160));
    now += 1000; // a pause between prompts
    headers.push(clock.next(160));
    now += 20;
    headers.push(clock.next(160));
    expect(headers).toEqual([
      { sequenceNumber: 0xfffe, timestamp: 0xffffff00, marker: true },
      { sequenceNumber: 0xffff, timestamp: 0xffffffa0, marker: false },
      { sequenceNumber: 0, timestamp: 0x40, marker: false }, // both wrap
      { sequenceNumber: 1, timestamp: 0x40 + 8000, marker: true },
      { sequenceNumber: 2, timestamp: 0x40 + 8160, marker: false },
    ]);
  });

  it('never goes back in time when frames are sent in a burst', () => {
    let now = 0;
    const clock = new RtpClock({ clockRate: 8000, now: () => now, initialSequenceNumber: 0, initialTimestamp: 0 });
    const timestamps = [clock.next(160), clock.next(160), clock.next(160)].map((header) => header.timestamp);
    expect(timestamps).toEqual([0, 160, 320]);
    now = 100;
    // 100 ms after the last frame: the timestamp jumps by 100 ms (800 samples) from the last one
    expect(clock.next(160)).toEqual({ sequenceNumber: 3, timestamp: 320 + 800, marker: true });
  });
});

describe('RtpClock continuous frames', () => {
  it('keeps the frames of one prompt back to back even when sending one was delayed', () => {
    let now = 0;
    const clock = new RtpClock({ clockRate: 8000, now: () => now, initialSequenceNumber: 0, initialTimestamp: 0 });
    expect(clock.next(160)).toEqual({ sequenceNumber: 0, timestamp: 0, marker: true });
    now = 200; // the event loop stalled mid-prompt
    expect(clock.next(160, { continuous: true })).toEqual({ sequenceNumber: 1, timestamp: 160, marker: false });
  });
});
