import { useEffect, useState } from 'react';

export interface MicrophoneLevel {
  /** 0..1: the peak of the last stretch of sound, so a short sound shows as well as a long one. */
  level: number;
  /** The microphone is open (the browser granted it). */
  open: boolean;
  problem: string | null;
}

/** Speech into a headset peaks around half of full scale; this gain makes it fill most of the meter. */
const METER_GAIN = 1.5;
/** How often the meter is redrawn: smooth enough to watch, cheap enough for a kiosk. */
const UPDATE_MS = 100;
/** Samples read each time: 8192 is 170 ms at 48 kHz, more than UPDATE_MS, so no sound falls between two readings. */
const WINDOW_SAMPLES = 8192;

/** The live level of a microphone (null: the default one), while the component using it is shown. */
export function useMicrophoneLevel(deviceId: string | null): MicrophoneLevel {
  const [state, setState] = useState<MicrophoneLevel>({ level: 0, open: false, problem: null });
  useEffect(() => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media?.getUserMedia || typeof AudioContext === 'undefined') {
      setState({ level: 0, open: false, problem: 'This browser cannot open the microphone' });
      return;
    }
    let stopped = false;
    let cleanup = () => undefined as void;
    const constraints = { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false };
    media.getUserMedia(constraints).then(
      (stream) => {
        if (stopped) return stream.getTracks().forEach((track) => track.stop());
        const context = new AudioContext();
        const analyser = context.createAnalyser();
        analyser.fftSize = WINDOW_SAMPLES;
        context.createMediaStreamSource(stream).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        const timer = setInterval(() => {
          analyser.getFloatTimeDomainData(samples);
          let peak = 0;
          for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
          const level = Math.min(1, peak * METER_GAIN);
          setState({ level, open: true, problem: null });
        }, UPDATE_MS);
        setState({ level: 0, open: true, problem: null });
        cleanup = () => {
          clearInterval(timer);
          stream.getTracks().forEach((track) => track.stop());
          void context.close().catch(() => undefined);
        };
      },
      (error: unknown) => {
        if (stopped) return;
        const name = error instanceof DOMException ? error.name : '';
        const problem = name === 'NotAllowedError' ? 'The microphone is not allowed for this page' : 'The microphone could not be opened';
        setState({ level: 0, open: false, problem });
      },
    );
    return () => {
      stopped = true;
      cleanup();
    };
  }, [deviceId]);
  return state;
}
