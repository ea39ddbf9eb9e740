import { get, type IncomingMessage } from 'node:http';

export interface ServerSentEvent {
  id: string | null;
  event: string;
  data: unknown;
}

/** A minimal text/event-stream reader over node:http: parsed events, comments, and how the stream ended. */
export class EventStreamClient {
  readonly events: ServerSentEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = '';
  private waiters: Array<() => void> = [];

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    response.on('end', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Opens the stream with HTTP Basic (`authorization`) or, given null, with only the `headers` (a session cookie). */
  static open(url: string, authorization: string | null, headers: Record<string, string> = {}): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const auth = authorization === null ? {} : { Authorization: authorization };
      const request = get(url, { headers: { ...auth, ...headers, Accept: 'text/event-stream' } }, (response) => resolve(new EventStreamClient(response)));
      request.on('error', reject);
    });
  }

  /** Resolves once `predicate` holds (checked after each chunk); bounded by the test's own timeout. */
  async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) {
      if (this.ended) throw new Error('the event stream ended');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.response.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
    this.notify();
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.events.push({ id, event, data: JSON.parse(data.join('\n')) as unknown });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
