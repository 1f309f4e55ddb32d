'use client';

import { useEffect, useState } from 'react';
import { sampleFromStats, summariseUplink, type QualitySummary, type UplinkSample } from '../../_lib/connection-quality';
import type { Publisher } from '../../_lib/media-client';

const MEASURE_EVERY_MS = 3000;

/**
 * Good / fair / poor for the host's uplink, measured from the publisher's
 * WebRTC stats every few seconds while it sends; null while nothing is sent.
 */
export function useUplinkQuality(publisher: Publisher | null): QualitySummary | null {
  const [summary, setSummary] = useState<QualitySummary | null>(null);

  useEffect(() => {
    setSummary(null);
    if (!publisher) return;
    let previous: UplinkSample | null = null;
    let stopped = false;
    const measure = async () => {
      let sample: UplinkSample;
      try {
        sample = sampleFromStats((await publisher.getStats()).values());
      } catch {
        // No stats (the transport is closing): the connection state alone still tells "disconnected" apart.
        sample = sampleFromStats([]);
      }
      if (stopped) return;
      setSummary(summariseUplink(previous, sample, publisher.connectionState));
      if (sample.at > 0) previous = sample;
    };
    void measure();
    const timer = setInterval(() => void measure(), MEASURE_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [publisher]);

  return summary;
}
