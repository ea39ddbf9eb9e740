type SinkAudioContext = AudioContext & { setSinkId?: (sinkId: string) => Promise<void> };

/** The test tone: a clear 1 kHz beep, the usual line-test tone, short enough not to annoy anyone nearby. */
const TEST_TONE = { frequency: 1000, seconds: 0.8, level: 0.25 };

/**
 * Plays the test tone on a speaker (null: the system default) at a volume in percent; resolves when it has played,
 * rejects when the device cannot be used.
 */
export async function playTestTone(deviceId: string | null, volumePercent: number): Promise<void> {
  if (typeof AudioContext === 'undefined') throw new Error('This browser cannot play sound');
  const context = new AudioContext() as SinkAudioContext;
  try {
    if (deviceId && typeof context.setSinkId === 'function') await context.setSinkId(deviceId);
    if (context.state === 'suspended') await context.resume();
    const gain = context.createGain();
    const peak = TEST_TONE.level * (volumePercent / 100);
    const start = context.currentTime + 0.02;
    const end = start + TEST_TONE.seconds;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(peak, start + 0.02);
    gain.gain.setValueAtTime(peak, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    gain.connect(context.destination);
    const oscillator = context.createOscillator();
    oscillator.frequency.value = TEST_TONE.frequency;
    oscillator.connect(gain);
    const ended = new Promise<void>((resolve) => oscillator.addEventListener('ended', () => resolve(), { once: true }));
    oscillator.start(start);
    oscillator.stop(end);
    await ended;
  } finally {
    void context.close().catch(() => undefined);
  }
}
