/**
 * The alarm of an emergency call: two short tones every 2 s, made with Web Audio (no media file, nothing for the CSP
 * to allow). Browsers start audio only after a user gesture on the page; signing in is one, and a reload is not, so
 * `blocked` says when the sound could not start and a click is needed.
 */
export class AlarmSound {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  get blocked(): boolean {
    return this.context?.state === 'suspended';
  }

  start(): void {
    if (this.timer !== null) return;
    this.context ??= new AudioContext();
    void this.context.resume().catch(() => undefined);
    this.beep();
    this.timer = setInterval(() => this.beep(), 2_000);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** A user gesture: audio may start now. */
  unblock(): void {
    void this.context?.resume().catch(() => undefined);
  }

  private beep(): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    for (const [index, frequency] of [880, 660].entries()) {
      const start = context.currentTime + index * 0.35;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    }
  }
}
