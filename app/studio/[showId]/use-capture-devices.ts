'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { devicesOfKind, mediaErrorKind, type CaptureKind, type DeviceOption, type MediaErrorKind } from '../../_lib/media-devices';

export type TrackKind = 'audio' | 'video';
/** Hands a new track to whatever is sending before the old one is stopped. */
export type SwapTrack = (kind: TrackKind, track: MediaStreamTrack, next: MediaStream) => Promise<void>;
export type CapturePhase = 'asking' | 'ready' | 'error' | 'off';

const STORAGE_KEY: Record<CaptureKind, string> = { videoinput: 'studio.cameraId', audioinput: 'studio.microphoneId' };
const TRACK_KIND: Record<CaptureKind, TrackKind> = { videoinput: 'video', audioinput: 'audio' };

// Storage can throw (private mode, blocked cookies): a lost preference is not worth an error.
function remembered(kind: CaptureKind): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY[kind]);
  } catch {
    return null;
  }
}
function remember(kind: CaptureKind, deviceId: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY[kind], deviceId);
  } catch {
    /* the choice still applies for this visit */
  }
}

function constraints(kind: CaptureKind, deviceId: string | null, exact: boolean): MediaTrackConstraints {
  const base: MediaTrackConstraints =
    kind === 'videoinput'
      ? { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } }
      : { echoCancellation: true, noiseSuppression: true };
  if (!deviceId) return base;
  // "ideal" on first open: a remembered camera that was unplugged falls back to another instead of failing.
  return { ...base, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } };
}

async function openTrack(kind: CaptureKind, deviceId: string): Promise<MediaStreamTrack> {
  const media = await navigator.mediaDevices.getUserMedia({ [TRACK_KIND[kind]]: constraints(kind, deviceId, true) });
  return media.getTracks()[0]!;
}

const stopAll = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());

/**
 * The host's camera and microphone: asks once, lists the devices (names are
 * only visible after permission), switches one track at a time and remembers
 * the choice. `enabled` false releases the camera (the show is over).
 */
export function useCaptureDevices(enabled: boolean) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<CapturePhase>(enabled ? 'asking' : 'off');
  const [error, setError] = useState<MediaErrorKind | null>(null);
  const [switching, setSwitching] = useState(false);
  const [switchFailed, setSwitchFailed] = useState(false);
  const [cameras, setCameras] = useState<DeviceOption[]>([]);
  const [microphones, setMicrophones] = useState<DeviceOption[]>([]);
  const [attempt, setAttempt] = useState(0);

  const use = useCallback((next: MediaStream | null) => {
    streamRef.current = next;
    setStream(next);
  }, []);

  const refreshDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setCameras(devicesOfKind(all, 'videoinput'));
    setMicrophones(devicesOfKind(all, 'audioinput'));
  }, []);

  useEffect(() => {
    if (!enabled) {
      setPhase('off');
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setPhase('error');
      setError('unsupported');
      return;
    }
    let cancelled = false;
    setPhase('asking');
    setError(null);
    navigator.mediaDevices
      .getUserMedia({
        video: constraints('videoinput', remembered('videoinput'), false),
        audio: constraints('audioinput', remembered('audioinput'), false),
      })
      .then(
        async (media) => {
          if (cancelled) return stopAll(media);
          use(media);
          setPhase('ready');
          await refreshDevices();
        },
        (reason: unknown) => {
          if (cancelled) return;
          setPhase('error');
          setError(mediaErrorKind(reason));
        },
      );
    const onDeviceChange = () => void refreshDevices();
    navigator.mediaDevices.addEventListener('devicechange', onDeviceChange);
    return () => {
      cancelled = true;
      navigator.mediaDevices.removeEventListener('devicechange', onDeviceChange);
      stopAll(streamRef.current);
      use(null);
    };
  }, [enabled, attempt, refreshDevices, use]);

  /** Switches one device; on failure the previous track keeps running. */
  const choose = useCallback(
    async (kind: CaptureKind, deviceId: string, swap: SwapTrack) => {
      const current = streamRef.current;
      if (!current) return;
      const trackKind = TRACK_KIND[kind];
      const previous = current.getTracks().filter((track) => track.kind === trackKind);
      const others = current.getTracks().filter((track) => track.kind !== trackKind);
      setSwitching(true);
      setSwitchFailed(false);
      let track: MediaStreamTrack;
      try {
        track = await openTrack(kind, deviceId);
      } catch {
        // Phones often cannot open two cameras at once: release the old one and try again,
        // and if that fails too, take the old one back.
        previous.forEach((t) => t.stop());
        const previousId = previous[0]?.getSettings().deviceId ?? '';
        const reopened = await openTrack(kind, deviceId)
          .catch(() => openTrack(kind, previousId))
          .catch(() => null);
        if (!reopened) {
          setSwitching(false);
          setPhase('error');
          setError('failed');
          return;
        }
        track = reopened;
        if (track.getSettings().deviceId !== deviceId) setSwitchFailed(true);
      }
      const next = new MediaStream([...others, track]);
      try {
        await swap(trackKind, track, next);
      } catch {
        track.stop();
        setSwitching(false);
        setSwitchFailed(true);
        return;
      }
      previous.forEach((t) => t.stop());
      use(next);
      if (track.getSettings().deviceId === deviceId) remember(kind, deviceId);
      setSwitching(false);
    },
    [use],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const inUse = (kind: TrackKind) =>
    stream
      ?.getTracks()
      .find((track) => track.kind === kind)
      ?.getSettings().deviceId ?? '';

  return {
    stream,
    phase,
    error,
    switching,
    switchFailed,
    cameras,
    microphones,
    cameraId: inUse('video'),
    microphoneId: inUse('audio'),
    choose,
    retry,
  };
}
