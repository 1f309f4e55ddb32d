'use client';

import { useId } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { secondaryButtonClass } from '../../_components/ui';
import { chooseDevice, type CaptureKind, type DeviceOption, type MediaErrorKind } from '../../_lib/media-devices';
import type { CapturePhase } from './use-capture-devices';
import { useMicLevel } from './use-mic-level';

interface DevicePanelProps {
  stream: MediaStream | null;
  phase: CapturePhase;
  error: MediaErrorKind | null;
  switching: boolean;
  switchFailed: boolean;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string;
  microphoneId: string;
  onChoose: (kind: CaptureKind, deviceId: string) => void;
  onRetry: () => void;
}

/** Camera and microphone pickers that switch live, a microphone level bar, and what to do when capture fails. */
export function DevicePanel(props: DevicePanelProps) {
  const { t } = useI18n();
  const { phase, error, switching, switchFailed, onChoose } = props;
  if (phase === 'off') return null;
  return (
    <section aria-labelledby="devices-heading" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
      <h2 id="devices-heading" className="font-semibold">
        {t('studio.devices.heading')}
      </h2>
      {phase === 'asking' && <p className="text-sm text-neutral-600">{t('studio.devices.asking')}</p>}
      {phase === 'error' && error && (
        <div role="alert" className="space-y-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{t(`studio.devices.errors.${error}`)}</p>
          <button type="button" onClick={props.onRetry} className={secondaryButtonClass}>
            {t('studio.devices.retry')}
          </button>
        </div>
      )}
      {phase === 'ready' && (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <DeviceSelect kind="videoinput" options={props.cameras} inUse={props.cameraId} disabled={switching} onChoose={onChoose} />
            <DeviceSelect
              kind="audioinput"
              options={props.microphones}
              inUse={props.microphoneId}
              disabled={switching}
              onChoose={onChoose}
            />
          </div>
          <MicMeter stream={props.stream} />
          <p role="status" className="text-sm text-neutral-600">
            {switching ? t('studio.devices.switching') : ''}
          </p>
          {switchFailed && (
            <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t('studio.devices.switchFailed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function DeviceSelect({
  kind,
  options,
  inUse,
  disabled,
  onChoose,
}: {
  kind: CaptureKind;
  options: DeviceOption[];
  inUse: string;
  disabled: boolean;
  onChoose: (kind: CaptureKind, deviceId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const camera = kind === 'videoinput';
  // Labels are hidden by some browsers until permission is granted for good: number those.
  const name = (option: DeviceOption, index: number) =>
    option.label || t(camera ? 'studio.devices.unnamedCamera' : 'studio.devices.unnamedMicrophone', { number: index + 1 });
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {t(camera ? 'studio.devices.camera' : 'studio.devices.microphone')}
      </label>
      <select
        id={id}
        value={chooseDevice(options, null, inUse)}
        disabled={disabled || options.length < 2}
        onChange={(event) => onChoose(kind, event.target.value)}
        className="rounded-lg border border-neutral-300 bg-white px-2 py-1.5 disabled:opacity-70"
      >
        {options.map((option, index) => (
          <option key={option.deviceId} value={option.deviceId}>
            {name(option, index)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Its own component: the level changes ten times a second and only the bar should re-render. */
function MicMeter({ stream }: { stream: MediaStream | null }) {
  const { t } = useI18n();
  const level = useMicLevel(stream);
  const labelId = useId();
  return (
    <div className="space-y-1 text-sm">
      <p id={labelId} className="font-medium">
        {t('studio.devices.micLevel')}
      </p>
      <meter aria-labelledby={labelId} min={0} max={100} value={level} className="block h-2 w-full" />
      <p className="text-xs text-neutral-600">{t('studio.devices.micHint')}</p>
    </div>
  );
}
