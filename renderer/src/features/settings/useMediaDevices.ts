import { useEffect, useState } from 'react';

export interface AudioDeviceLists {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
  /** Why the lists are empty, or null. */
  problem: string | null;
}

const EMPTY: AudioDeviceLists = { inputs: [], outputs: [], problem: null };

/**
 * The machine's microphones and speakers, kept current when one is plugged in or out. Browsers name devices only once
 * the page may use the microphone: `refreshKey` re-reads the lists after the level meter was granted it.
 */
export function useAudioDevices(refreshKey: unknown): AudioDeviceLists {
  const [lists, setLists] = useState<AudioDeviceLists>(EMPTY);
  useEffect(() => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media?.enumerateDevices) {
      setLists({ ...EMPTY, problem: 'This browser cannot list audio devices' });
      return;
    }
    let live = true;
    const read = () => {
      media.enumerateDevices().then(
        (devices) => {
          if (!live) return;
          setLists({
            inputs: devices.filter((device) => device.kind === 'audioinput'),
            outputs: devices.filter((device) => device.kind === 'audiooutput'),
            problem: null,
          });
        },
        () => live && setLists({ ...EMPTY, problem: 'The audio devices could not be listed' }),
      );
    };
    read();
    media.addEventListener('devicechange', read);
    return () => {
      live = false;
      media.removeEventListener('devicechange', read);
    };
  }, [refreshKey]);
  return lists;
}

/** A device's name for a list: its label, or a stand-in while the browser keeps labels back. */
export function deviceLabel(device: MediaDeviceInfo, index: number): string {
  if (device.label) return device.label;
  return `${device.kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}`;
}
