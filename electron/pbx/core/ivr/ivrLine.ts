import { HOTDESK_CAPTION_MAX_LENGTH } from '../../../../shared/sip/hotDeskCaption';
import { ListenerSet } from '../../../../shared/util/listenerSet';
import type { MediaEndpoint, PromptSource } from '../../media';
import type { IvrMessage } from './ivrMessages';

export type SayOutcome = 'completed' | 'interrupted' | 'ended';

/** An answered IVR call as a dialogue sees it: it says messages and hears keys. */
export interface IvrLine {
  readonly ended: boolean;
  /** Plays the message's prompts, showing its caption; `interruptible`: a key stops the playing (barge-in). */
  say(message: IvrMessage, options?: { interruptible?: boolean }): Promise<SayOutcome>;
  /**
   * Keys typed on the phone, to a listener that returns whether it took the key; keys nobody took are kept, in
   * order, for the next listener.
   */
  onKey(listener: (key: string) => boolean): () => void;
  onEnded(listener: () => void): () => void;
}

export interface MediaIvrLineDeps {
  endpoint: Pick<MediaEndpoint, 'connected' | 'play' | 'onDtmf'>;
  prompts: PromptSource;
  /** Shows a caption on the caller's display (an in-dialog INFO of the hotdesk-caption package). */
  sendCaption(text: string): void;
}

const MAX_BUFFERED_KEYS = 32;

/**
 * The IVR line over a media endpoint: prompts as PCMU (a missing or outdated prompt plays "file not found", see
 * PromptLibrary.resolvePrompt), the caption of each message as an INFO with the `hotdesk-caption` Info-Package, and
 * keys from RFC 4733 events (the endpoint) and from SIP INFO (`key`, fed by the call).
 */
export class MediaIvrLine implements IvrLine {
  private readonly keyListeners = new Set<(key: string) => boolean>();
  private readonly endListeners = new ListenerSet<void>((error) => console.error('IVR line end listener failed:', error));
  private readonly buffered: string[] = [];
  private playing: AbortController | null = null;
  private isEnded = false;

  constructor(private readonly deps: MediaIvrLineDeps) {
    deps.endpoint.onDtmf((digit) => this.key(digit));
  }

  get ended(): boolean {
    return this.isEnded;
  }

  async say(message: IvrMessage, options: { interruptible?: boolean } = {}): Promise<SayOutcome> {
    if (this.isEnded) return 'ended';
    try {
      await this.deps.endpoint.connected;
    } catch {
      return 'ended';
    }
    if (this.isEnded) return 'ended';
    this.deps.sendCaption(toCaption(message.caption));
    const controller = new AbortController();
    if (options.interruptible) this.playing = controller;
    const outcome = await this.deps.endpoint.play(concatenate(message.prompts.map((id) => this.deps.prompts.resolvePrompt(id).pcm)), { signal: controller.signal });
    if (this.playing === controller) this.playing = null;
    if (this.isEnded || outcome === 'closed') return 'ended';
    return outcome === 'aborted' ? 'interrupted' : 'completed';
  }

  onKey(listener: (key: string) => boolean): () => void {
    this.keyListeners.add(listener);
    while (this.buffered.length > 0 && listener(this.buffered[0] as string)) this.buffered.shift();
    return () => this.keyListeners.delete(listener);
  }

  onEnded(listener: () => void): () => void {
    if (!this.isEnded) return this.endListeners.add(listener);
    listener();
    return () => undefined;
  }

  /** A key typed on the phone (RFC 4733 or SIP INFO). */
  key(key: string): void {
    if (this.isEnded) return;
    this.playing?.abort();
    // Keys keep their order: while older keys wait for a listener, a new one waits behind them.
    const taken = this.buffered.length === 0 && [...this.keyListeners].some((listener) => listener(key));
    if (!taken && this.buffered.length < MAX_BUFFERED_KEYS) this.buffered.push(key);
  }

  /** The call is over. */
  end(): void {
    if (this.isEnded) return;
    this.isEnded = true;
    this.playing?.abort();
    this.endListeners.emit();
    this.endListeners.clear();
  }
}

/** A caption as sent: one line (line breaks and tabs become spaces), at most HOTDESK_CAPTION_MAX_LENGTH characters. */
export function toCaption(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, ' ').trim();
  return [...line].slice(0, HOTDESK_CAPTION_MAX_LENGTH).join('');
}

function concatenate(parts: readonly Int16Array[]): Int16Array {
  const joined = new Int16Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
