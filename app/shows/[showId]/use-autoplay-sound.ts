'use client';

import { useCallback, useRef, useState, type RefObject } from 'react';

type AutoplayPolicy = 'allowed' | 'allowed-muted' | 'disallowed';

/** Where the browser can tell in advance (Firefox today), skip the doomed unmuted try. */
function soundRefusedInAdvance(): boolean {
  const ask = (navigator as Navigator & { getAutoplayPolicy?: (type: 'mediaelement') => AutoplayPolicy }).getAutoplayPolicy;
  const policy = ask?.call(navigator, 'mediaelement');
  return policy === 'allowed-muted' || policy === 'disallowed';
}

export interface AutoplaySound {
  muted: boolean;
  /** The browser refused to play sound before anyone touched the page: offer "Tap for sound". */
  blocked: boolean;
  /** Call once the stream is attached: starts muted (always allowed), then tries sound. */
  start(video: HTMLVideoElement): Promise<void>;
  /** From a tap or key press, which is what lets the browser play sound. */
  unmute(): void;
  toggle(): void;
}

/**
 * Browsers only autoplay muted video. The stream starts muted so the picture is
 * never held back, then asks for sound; when that is refused (NotAllowedError)
 * the page offers one tap for sound. The person's choice sticks for the page:
 * after a tap, later streams (the host reconnecting) start with sound, and after
 * choosing mute they stay muted.
 */
export function useAutoplaySound(videoRef: RefObject<HTMLVideoElement | null>): AutoplaySound {
  const [muted, setMuted] = useState(true);
  const [blocked, setBlocked] = useState(false);
  const choseMute = useRef(false);

  const start = useCallback(async (video: HTMLVideoElement) => {
    video.muted = true;
    await video.play().catch(() => undefined); // the autoPlay attribute keeps trying if this one is interrupted
    if (choseMute.current) return;
    if (soundRefusedInAdvance()) {
      setBlocked(true);
      return;
    }
    try {
      video.muted = false;
      await video.play();
      setMuted(false);
      setBlocked(false);
    } catch {
      // Chromium pauses a video unmuted without a gesture and rejects play(); muted
      // playback is always allowed, so the picture carries on while we wait for a tap.
      video.muted = true;
      void video.play().catch(() => undefined);
      setMuted(true);
      setBlocked(true);
    }
  }, []);

  const unmute = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    choseMute.current = false;
    video.muted = false;
    setMuted(false);
    setBlocked(false);
    video.play().catch(() => {
      video.muted = true;
      setMuted(true);
      setBlocked(true);
    });
  }, [videoRef]);

  const toggle = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.muted) {
      unmute();
      return;
    }
    choseMute.current = true;
    video.muted = true;
    setMuted(true);
  }, [videoRef, unmute]);

  return { muted, blocked, start, unmute, toggle };
}
