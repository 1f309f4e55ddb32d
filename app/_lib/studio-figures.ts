// The studio's microphone meter. (Sales figures come from the database: server/domain/shows/studio-figures.ts.)

/**
 * Loudness 0–100 from an AnalyserNode's time-domain bytes (128 = silence).
 * RMS on a square-root scale, so speech sits mid-bar instead of near zero.
 */
export function micLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const centred = (samples[i]! - 128) / 128;
    sum += centred * centred;
  }
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(100, Math.round(Math.sqrt(rms) * 100));
}
