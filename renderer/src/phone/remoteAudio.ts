type SinkAudioElement = HTMLAudioElement & { setSinkId?: (sinkId: string) => Promise<void> };

/**
 * Plays the other party's audio through one hidden `<audio class="remote-audio">` element (outside React: it is the
 * phone's, not a component's). Chromium also needs a remote WebRTC stream to be played by a media element before
 * WebAudio sees its samples. The speaker from the settings is used where the browser supports `setSinkId`.
 */
export class RemoteAudio {
  private element: SinkAudioElement | null = null;
  private sinkId: string | null = null;
  private volume = 1;

  constructor(private readonly log: (message: string, detail?: unknown) => void = (message, detail) => console.warn(`[audio] ${message}`, detail ?? '')) {}

  attach(stream: MediaStream): void {
    const element = this.ensureElement();
    if (!element) return;
    if (element.srcObject !== stream) element.srcObject = stream;
    element.play().catch((error: unknown) => this.log('cannot play the call audio', error));
  }

  detach(): void {
    if (!this.element) return;
    this.element.pause();
    this.element.srcObject = null;
  }

  setOutputDevice(deviceId: string | null): void {
    this.sinkId = deviceId;
    if (this.element) this.applySink(this.element);
  }

  /** The call volume, 0..1. */
  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    if (this.element) this.element.volume = this.volume;
  }

  private ensureElement(): SinkAudioElement | null {
    if (this.element) return this.element;
    if (typeof document === 'undefined') return null;
    const element = document.createElement('audio') as SinkAudioElement;
    element.className = 'remote-audio';
    element.autoplay = true;
    element.hidden = true;
    element.volume = this.volume;
    document.body.append(element);
    this.element = element;
    this.applySink(element);
    return element;
  }

  private applySink(element: SinkAudioElement): void {
    if (typeof element.setSinkId !== 'function') return;
    element.setSinkId(this.sinkId ?? '').catch((error: unknown) => this.log('cannot use the chosen speaker', error));
  }
}
