import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/contracts';
import { messageOf } from '../../store/errors';
import { Field } from './Field';
import { playTestTone } from './testTone';
import { deviceLabel, useAudioDevices } from './useMediaDevices';
import { useMicrophoneLevel } from './useMicrophoneLevel';
import { useSettingsSave } from './useSettingsSave';
import { VolumeSlider } from './VolumeSlider';

/** Microphone, speaker and ringer, with a test tone and a live microphone level; ring and call volume. Applied at once. */
export function AudioSection({ settings }: { settings: Settings }) {
  const { errors, problem, save } = useSettingsSave();
  const microphone = useMicrophoneLevel(settings.audio.inputDeviceId);
  const devices = useAudioDevices(microphone.open);
  const apply = (patch: SettingsPatch) => void save(patch);
  const audio = settings.audio;

  return (
    <section className="settings-section" aria-labelledby="settings-audio">
      <h2 className="settings-section__title" id="settings-audio">
        Audio
      </h2>
      {devices.problem ? <p className="settings-section__problem">{devices.problem}</p> : null}
      <DeviceSelect
        label="Microphone"
        devices={devices.inputs}
        value={audio.inputDeviceId}
        error={errors['audio.inputDeviceId'] ?? errors.audio}
        onChange={(inputDeviceId) => apply({ audio: { ...audio, inputDeviceId } })}
      />
      <div className="settings-meter">
        <meter className="settings-meter__bar" aria-label="Microphone level" min={0} max={1} low={0.6} high={0.9} optimum={0.3} value={microphone.level} />
        <span className="settings-field__hint">{microphone.problem ?? (microphone.open ? 'Speak: the bar follows your voice' : 'Opening the microphone…')}</span>
      </div>
      <DeviceSelect
        label="Speaker"
        devices={devices.outputs}
        value={audio.outputDeviceId}
        error={errors['audio.outputDeviceId'] ?? errors.audio}
        onChange={(outputDeviceId) => apply({ audio: { ...audio, outputDeviceId } })}
        test={{ label: 'Play test tone', play: () => playTestTone(audio.outputDeviceId, settings.callVolume) }}
      />
      <DeviceSelect
        label="Ringer"
        defaultLabel="Same as the speaker"
        devices={devices.outputs}
        value={settings.ringerDeviceId}
        error={errors.ringerDeviceId}
        onChange={(ringerDeviceId) => apply({ ringerDeviceId })}
        test={{ label: 'Test the ringer', play: () => playTestTone(settings.ringerDeviceId ?? audio.outputDeviceId, settings.ringVolume) }}
      />
      <VolumeSlider label="Ring volume" value={settings.ringVolume} error={errors.ringVolume} onCommit={(ringVolume) => apply({ ringVolume })} />
      <VolumeSlider label="Call volume" value={settings.callVolume} error={errors.callVolume} onCommit={(callVolume) => apply({ callVolume })} />
      {problem ? (
        <p className="settings-field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function DeviceSelect({
  label,
  defaultLabel = 'System default',
  devices,
  value,
  error,
  onChange,
  test,
}: {
  label: string;
  defaultLabel?: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  error?: string | undefined;
  onChange: (deviceId: string | null) => void;
  test?: { label: string; play: () => Promise<void> };
}) {
  // A saved device that is not plugged in now stays selected (and says so) rather than silently becoming the default.
  const missing = value !== null && !devices.some((device) => device.deviceId === value);
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="settings-device">
          <select {...control} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
            <option value="">{defaultLabel}</option>
            {devices.map((device, index) => (
              <option key={device.deviceId || index} value={device.deviceId}>
                {deviceLabel(device, index)}
              </option>
            ))}
            {missing ? <option value={value}>Not connected ({value.slice(0, 12)}…)</option> : null}
          </select>
          {test ? <TestButton {...test} /> : null}
        </div>
      )}
    </Field>
  );
}

function TestButton({ label, play }: { label: string; play: () => Promise<void> }) {
  const [state, setState] = useState<{ playing: boolean; problem: string | null }>({ playing: false, problem: null });
  const run = () => {
    setState({ playing: true, problem: null });
    play().then(
      () => setState({ playing: false, problem: null }),
      (error: unknown) => setState({ playing: false, problem: messageOf(error) }),
    );
  };
  return (
    <>
      <button type="button" className="settings-button" onClick={run} disabled={state.playing}>
        {state.playing ? 'Playing…' : label}
      </button>
      {state.problem ? <span className="settings-field__error">{state.problem}</span> : null}
    </>
  );
}
