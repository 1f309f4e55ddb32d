'use client';

import { useEffect, useState } from 'react';
import { micLevel } from '../../_lib/studio-figures';

// Ten readings a second is smooth enough for a bar and keeps re-renders cheap.
const READ_EVERY_MS = 100;

/**
 * Loudness 0–100 of the stream's microphone, for a level bar. Call it in the
 * small component that draws the bar, so only that re-renders as it moves.
 */
export function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  const track = stream?.getAudioTracks()[0] ?? null;

  useEffect(() => {
    setLevel(0);
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    // Its own stream around the one track: the analyser follows a device switch through `track`.
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      setLevel(micLevel(samples));
    }, READ_EVERY_MS);
    // Browsers may start an AudioContext suspended until the page is touched; the bar then wakes on the first tap or key.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    document.addEventListener('pointerdown', resume, { once: true });
    document.addEventListener('keydown', resume, { once: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [track]);

  return level;
}
