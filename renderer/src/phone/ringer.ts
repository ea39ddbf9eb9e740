import type { SoundSettings } from './phoneService';
import { cycleMs, cycleSteps, type Cadence } from './tones';

/** Ramp length that keeps the tone's switching free of clicks. */
const RAMP_S = 0.012;
/** Cycles scheduled ahead of time, so a busy main thread never leaves a gap in the cadence. */
const CYCLES_AHEAD = 2;

interface Playing {
  readonly cadence: Cadence;
  readonly oscillators: OscillatorNode[];
  readonly gain: GainNode;
  readonly timer: ReturnType<typeof setInterval>;
}

type SinkAudioContext = AudioContext & { setSinkId?: (sinkId: string) => Promise<void> };

/**
 * Plays ring and ringback tones with WebAudio oscillators (no audio assets). One tone at a time; `play` replaces what
 * is playing. Browsers keep an AudioContext silent until the user has touched the page, so the context is created (or
 * resumed) on the first pointer or key press; an Electron kiosk allows audio without one.
 */
export class TonePlayer {
  private context: SinkAudioContext | null = null;
  private playing: Playing | null = null;
  private sinkId: string | null = null;
  private sound: SoundSettings = { ringerDeviceId: null, ringVolume: 100, callVolume: 100 };

  constructor(private readonly log: (message: string, detail?: unknown) => void = (message, detail) => console.warn(`[ringer] ${message}`, detail ?? '')) {
    if (typeof window === 'undefined') return;
    const unlock = () => {
      const context = this.ensureContext();
      if (context?.state === 'suspended') void context.resume().catch(() => undefined);
    };
    window.addEventListener('pointerdown', unlock, { capture: true, once: true });
    window.addEventListener('keydown', unlock, { capture: true, once: true });
  }

  play(cadence: Cadence): void {
    if (this.playing?.cadence === cadence) return;
    this.stop();
    const context = this.ensureContext();
    if (!context) return;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    this.applySink(context, cadence.route);
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    const oscillators = cadence.frequencies.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
    const period = cycleMs(cadence) / 1000;
    const volume = (cadence.route === 'ringer' ? this.sound.ringVolume : this.sound.callVolume) / 100;
    const level = (cadence.level * volume) / Math.max(1, cadence.frequencies.length);
    let next = context.currentTime + 0.05;
    const scheduleUntil = (horizon: number) => {
      while (next < horizon) {
        for (const step of cycleSteps(cadence)) {
          const at = next + step.at;
          gain.gain.setValueAtTime(step.on ? 0 : level, at);
          gain.gain.linearRampToValueAtTime(step.on ? level : 0, at + RAMP_S);
        }
        next += period;
      }
    };
    scheduleUntil(context.currentTime + period * CYCLES_AHEAD);
    const timer = setInterval(() => scheduleUntil(context.currentTime + period * CYCLES_AHEAD), Math.max(250, (period * 1000) / 2));
    this.playing = { cadence, oscillators, gain, timer };
  }

  stop(): void {
    const playing = this.playing;
    if (!playing) return;
    this.playing = null;
    clearInterval(playing.timer);
    const now = this.context?.currentTime ?? 0;
    playing.gain.gain.cancelScheduledValues(now);
    playing.gain.gain.setValueAtTime(playing.gain.gain.value, now);
    playing.gain.gain.linearRampToValueAtTime(0, now + RAMP_S);
    for (const oscillator of playing.oscillators) oscillator.stop(now + RAMP_S * 2);
    setTimeout(() => playing.gain.disconnect(), 100);
  }

  /** The speaker from the settings (null: the system default), where the browser can route WebAudio (setSinkId). */
  setOutputDevice(deviceId: string | null): void {
    this.sinkId = deviceId;
    if (this.context) this.applySink(this.context, this.playing?.cadence.route ?? 'speaker');
  }

  /** Ringer device and volumes; a tone already playing keeps its level until it plays again. */
  setSound(sound: SoundSettings): void {
    this.sound = { ...sound };
  }

  private ensureContext(): SinkAudioContext | null {
    if (this.context) return this.context;
    if (typeof AudioContext === 'undefined') return null;
    try {
      this.context = new AudioContext() as SinkAudioContext;
    } catch (error) {
      this.log('cannot create an AudioContext', error);
      return null;
    }
    return this.context;
  }

  /** One context plays one tone at a time, so it follows the device of the tone it plays: the ringer's or the speaker's. */
  private applySink(context: SinkAudioContext, route: Cadence['route']): void {
    if (typeof context.setSinkId !== 'function') return;
    const sinkId = (route === 'ringer' ? (this.sound.ringerDeviceId ?? this.sinkId) : this.sinkId) ?? '';
    if ((context as { sinkId?: unknown }).sinkId === sinkId) return;
    context.setSinkId(sinkId).catch((error: unknown) => this.log('cannot use the chosen speaker for the ring tone', error));
  }
}
