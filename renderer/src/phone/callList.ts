import { focusedCall, isWaiting } from './callLines';
import type { CallSession } from './callSession';
import type { CallView } from './callView';
import { CALL_WAITING, RING, type Cadence } from './tones';

interface Entry {
  readonly session: CallSession;
  /** The other party's audio, once its track arrived. */
  stream: MediaStream | null;
}

export interface CallListDeps {
  readonly tones: { play(cadence: Cadence): void };
  readonly remoteAudio: { attach(stream: MediaStream): void; detach(): void };
  /** Every change of the calls, in the order they began. */
  readonly report: (calls: readonly CallView[]) => void;
}

/**
 * The phone's calls in the order they began. After every change it reports them, plays the focused call's audio (a
 * held call is silent anyway: the far end sends nothing to a `sendonly` hold) and rings: the full ring for a call
 * alone, the soft call-waiting tone for a call that waits behind another.
 */
export class CallList {
  private entries: Entry[] = [];
  private ringing: Cadence | null = null;

  constructor(private readonly deps: CallListDeps) {}

  get sessions(): CallSession[] {
    return this.entries.map((entry) => entry.session);
  }

  get views(): CallView[] {
    return this.entries.map((entry) => entry.session.call);
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  find(id: string | null | undefined): CallSession | undefined {
    return this.entries.find((entry) => entry.session.call.id === id)?.session;
  }

  /** The call the user is on (see `callLines.ts`). */
  get focused(): CallSession | undefined {
    return this.find(focusedCall(this.views)?.id);
  }

  /** The call ringing here: the only call, or one waiting behind another. */
  get ringingHere(): CallSession | undefined {
    return this.sessions.find((session) => session.call.phase === 'incoming');
  }

  add(session: CallSession): void {
    this.entries.push({ session, stream: null });
    this.changed();
  }

  remove(id: string): void {
    this.entries = this.entries.filter((entry) => entry.session.call.id !== id);
    this.changed();
  }

  /** The audio port a call's session plays its remote stream through: only the focused call is heard. */
  audioFor(id: string): { attach(stream: MediaStream): void; detach(): void } {
    const entryOf = () => this.entries.find((entry) => entry.session.call.id === id);
    return {
      attach: (stream) => {
        const entry = entryOf();
        if (entry) entry.stream = stream;
        this.routeAudio();
      },
      detach: () => {
        const entry = entryOf();
        if (entry) entry.stream = null;
        this.routeAudio();
      },
    };
  }

  changed(): void {
    this.deps.report(this.views);
    this.routeAudio();
    this.ring();
  }

  private routeAudio(): void {
    const focus = focusedCall(this.views);
    const stream = this.entries.find((entry) => entry.session.call.id === focus?.id)?.stream ?? null;
    // Both are idempotent: attaching the stream that plays already changes nothing.
    if (stream) this.deps.remoteAudio.attach(stream);
    else this.deps.remoteAudio.detach();
  }

  private ring(): void {
    const views = this.views;
    const incoming = views.find((call) => call.phase === 'incoming');
    const cadence = incoming ? (isWaiting(incoming, views) ? CALL_WAITING : RING) : null;
    if (cadence === this.ringing) return;
    this.ringing = cadence;
    // Stopping is the calls' own business (answer, progress, end): another call's ringback may be playing.
    if (cadence) this.deps.tones.play(cadence);
  }
}
