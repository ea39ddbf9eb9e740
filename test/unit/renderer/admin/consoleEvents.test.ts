import { describe, expect, it } from 'vitest';
import { ConsoleEvents, type EventSourceLike, type StreamState } from '../../../../renderer/admin/events/consoleEvents';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
  send(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

function harness(sessionAlive: () => Promise<boolean> = async () => true) {
  const sources: FakeSource[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  const events = new ConsoleEvents({
    createSource: () => {
      const source = new FakeSource();
      sources.push(source);
      return source;
    },
    sessionAlive,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
  });
  const states: StreamState[] = [];
  events.onState((state) => states.push(state));
  return { events, sources, timers, states };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the console event stream', () => {
  it('hands each event type its parsed data, also to listeners added before the stream opened', () => {
    const { events, sources } = harness();
    const heard: unknown[] = [];
    events.on('device.status', (data) => heard.push(data));
    events.start();
    sources[0]!.open();
    sources[0]!.send('device.status', '{"name":"HD0001"}');
    sources[0]!.send('device.status', 'not json');
    sources[0]!.send('phone.pending', '{"mac":"x"}');
    expect(heard).toEqual([{ name: 'HD0001' }]);
  });

  it('is down while the browser reconnects by itself, and announces each reopen so snapshots are loaded again', () => {
    const { events, sources, states } = harness();
    let opens = 0;
    events.onOpen(() => opens++);
    events.start();
    sources[0]!.open();
    sources[0]!.fail(0);
    expect(events.state).toBe('down');
    sources[0]!.open();
    expect(states).toEqual(['open', 'down', 'open']);
    expect(opens).toBe(2);
    expect(sources).toHaveLength(1);
  });

  it('when the browser gives up, opens a new stream after a backoff while the session holds', async () => {
    const { events, sources, timers } = harness();
    const heard: unknown[] = [];
    events.on('device.status', (data) => heard.push(data));
    events.start();
    sources[0]!.fail(2);
    await settle();
    expect(timers.map((timer) => timer.ms)).toHaveLength(1);
    expect(timers[0]!.ms).toBeGreaterThanOrEqual(800);
    timers[0]!.run();
    expect(sources).toHaveLength(2);
    sources[1]!.fail(2);
    await settle();
    expect(timers[1]!.ms).toBeGreaterThan(timers[0]!.ms);
    timers[1]!.run();
    sources[2]!.open();
    sources[2]!.send('device.status', '{"n":1}');
    expect(heard).toEqual([{ n: 1 }]);
    expect(events.state).toBe('open');
  });

  it('stops and reports the end of the session when the stream failed because the session ended', async () => {
    const { events, sources, timers } = harness(async () => false);
    let ended = 0;
    events.onSessionEnded(() => ended++);
    events.start();
    sources[0]!.open();
    sources[0]!.fail(2);
    await settle();
    expect(ended).toBe(1);
    expect(timers).toHaveLength(0);
    expect(sources[0]!.closed).toBe(true);
  });
});
