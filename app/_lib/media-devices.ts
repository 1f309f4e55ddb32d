// Pure helpers for the studio's camera and microphone pickers.

export type CaptureKind = 'videoinput' | 'audioinput';
export type MediaErrorKind = 'denied' | 'none' | 'busy' | 'unsupported' | 'failed';

export interface DeviceOption {
  deviceId: string;
  /** Empty when the browser hides names (before permission): the UI numbers it instead. */
  label: string;
}

/** What went wrong with getUserMedia, in the few cases a person can act on differently. */
export function mediaErrorKind(error: unknown): MediaErrorKind {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'none';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      // No mediaDevices at all, or an insecure (http) page.
      return 'unsupported';
    default:
      return 'failed';
  }
}

/** The devices of one kind, without duplicates. Chrome also lists a "communications" alias of a real
 * device; it is dropped. "default" stays: it is what a track opened without a choice reports. */
export function devicesOfKind(
  devices: readonly { kind: string; deviceId: string; label: string; groupId?: string }[],
  kind: CaptureKind,
): DeviceOption[] {
  const seen = new Set<string>();
  const options: DeviceOption[] = [];
  for (const device of devices) {
    if (device.kind !== kind || !device.deviceId || seen.has(device.deviceId)) continue;
    if (
      device.deviceId === 'communications' &&
      devices.some((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'communications')
    )
      continue;
    seen.add(device.deviceId);
    options.push({ deviceId: device.deviceId, label: device.label });
  }
  return options;
}

/** The remembered device if it is still plugged in, else the one in use, else the first. */
export function chooseDevice(options: readonly DeviceOption[], remembered: string | null, inUse: string | null): string {
  for (const id of [remembered, inUse]) if (id && options.some((o) => o.deviceId === id)) return id;
  return options[0]?.deviceId ?? '';
}
