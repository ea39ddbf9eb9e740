import { useEffect, useState } from 'react';

export interface MicrophoneLevel {
  /** 0..1: the loudness of the last few milliseconds (RMS, scaled so that speech fills most of the meter). */
  level: number;
  /** The microphone is open (the browser granted it). */
  open: boolean;
  problem: string | null;
}

/** Peak RMS of normal speech into a headset is around 0.1–0.3 of full scale; this gain makes it fill the meter. */
const METER_GAIN = 4;
/** How often the meter is redrawn: smooth enough to watch, cheap enough for a kiosk. */
const UPDATE_MS = 100;

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
        analyser.fftSize = 1024;
        context.createMediaStreamSource(stream).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        const timer = setInterval(() => {
          analyser.getFloatTimeDomainData(samples);
          let sum = 0;
          for (const sample of samples) sum += sample * sample;
          const level = Math.min(1, Math.sqrt(sum / samples.length) * METER_GAIN);
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
