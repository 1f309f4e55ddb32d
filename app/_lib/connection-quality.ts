// The host's uplink summarised for people: Good / Fair / Poor and why. Pure, so
// the thresholds are tested without a browser; the studio feeds it getStats().

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown';
/** Why the uplink is not good, most serious first; the UI turns each into advice. */
export type QualityReason = 'disconnected' | 'loss' | 'latency' | 'bandwidth' | 'cpu';

export interface UplinkSample {
  /** Milliseconds (the stats timestamp), to tell two samples apart. */
  at: number;
  packetsSent: number | null;
  /** As reported back by the receiver (remote-inbound-rtp), summed over our streams. */
  packetsLost: number | null;
  /** The receiver's own loss estimate, 0–1, used when there is no earlier sample to diff against. */
  fractionLost: number | null;
  /** Seconds. */
  roundTripTime: number | null;
  /** Bits per second the network estimates we may send. */
  availableOutgoingBitrate: number | null;
  qualityLimitationReason: 'none' | 'cpu' | 'bandwidth' | 'other' | null;
}

export interface QualitySummary {
  level: QualityLevel;
  reasons: QualityReason[];
  lossPercent: number | null;
  roundTripMs: number | null;
  bitrateKbps: number | null;
}

type StatsRecord = Readonly<Record<string, unknown>>;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const add = (sum: number | null, value: number | null) => (value === null ? sum : (sum ?? 0) + value);
const max = (current: number | null, value: number | null) =>
  value === null ? current : current === null ? value : Math.max(current, value);
const LIMITATIONS = ['none', 'cpu', 'bandwidth', 'other'] as const;
// The worst limitation across streams wins: bandwidth over cpu over other.
const LIMITATION_RANK = { none: 0, other: 1, cpu: 2, bandwidth: 3 } as const;

/**
 * One sample from an RTCStatsReport's values. Works on plain records so tests
 * need no WebRTC; unknown or missing fields simply stay null.
 */
export function sampleFromStats(stats: Iterable<StatsRecord>): UplinkSample {
  const sample: UplinkSample = {
    at: 0,
    packetsSent: null,
    packetsLost: null,
    fractionLost: null,
    roundTripTime: null,
    availableOutgoingBitrate: null,
    qualityLimitationReason: null,
  };
  const pairs: StatsRecord[] = [];
  let selectedPairId: unknown = null;
  for (const stat of stats) {
    sample.at = Math.max(sample.at, num(stat.timestamp) ?? 0);
    switch (stat.type) {
      case 'outbound-rtp': {
        sample.packetsSent = add(sample.packetsSent, num(stat.packetsSent));
        const reason = LIMITATIONS.find((r) => r === stat.qualityLimitationReason);
        if (
          reason &&
          (sample.qualityLimitationReason === null || LIMITATION_RANK[reason] > LIMITATION_RANK[sample.qualityLimitationReason])
        )
          sample.qualityLimitationReason = reason;
        break;
      }
      case 'remote-inbound-rtp':
        sample.packetsLost = add(sample.packetsLost, num(stat.packetsLost));
        sample.fractionLost = max(sample.fractionLost, num(stat.fractionLost));
        sample.roundTripTime = max(sample.roundTripTime, num(stat.roundTripTime));
        break;
      case 'candidate-pair':
        pairs.push(stat);
        break;
      case 'transport':
        selectedPairId = stat.selectedCandidatePairId ?? selectedPairId;
        break;
      default:
        break;
    }
  }
  // Only the pair in use counts: the others are candidates that were tried.
  const pair =
    pairs.find((p) => selectedPairId !== null && p.id === selectedPairId) ??
    pairs.find((p) => p.nominated === true && p.state === 'succeeded');
  if (pair) {
    sample.availableOutgoingBitrate = num(pair.availableOutgoingBitrate);
    sample.roundTripTime ??= num(pair.currentRoundTripTime);
  }
  return sample;
}

export const THRESHOLDS = {
  poor: { lossPercent: 10, roundTripMs: 600, bitrateKbps: 250 },
  fair: { lossPercent: 3, roundTripMs: 300, bitrateKbps: 900 },
} as const;

/**
 * Good, fair or poor from the latest sample, with loss measured since the
 * previous one (a running total would hide a problem that just started).
 * `transportState` is the send transport's connection state, if known.
 */
export function summariseUplink(previous: UplinkSample | null, current: UplinkSample, transportState?: string): QualitySummary {
  if (transportState === 'failed' || transportState === 'disconnected' || transportState === 'closed') {
    return { level: 'poor', reasons: ['disconnected'], lossPercent: null, roundTripMs: null, bitrateKbps: null };
  }
  const lossPercent = lossSince(previous, current);
  const roundTripMs = current.roundTripTime === null ? null : Math.round(current.roundTripTime * 1000);
  const bitrateKbps = current.availableOutgoingBitrate === null ? null : Math.round(current.availableOutgoingBitrate / 1000);
  const measures = { lossPercent, roundTripMs, bitrateKbps };

  const poor: QualityReason[] = [];
  const fair: QualityReason[] = [];
  const grade = (reason: QualityReason, value: number | null, poorAt: number, fairAt: number, higherIsWorse: boolean) => {
    if (value === null) return;
    const beyond = (limit: number) => (higherIsWorse ? value >= limit : value < limit);
    if (beyond(poorAt)) poor.push(reason);
    else if (beyond(fairAt)) fair.push(reason);
  };
  grade('loss', lossPercent, THRESHOLDS.poor.lossPercent, THRESHOLDS.fair.lossPercent, true);
  grade('latency', roundTripMs, THRESHOLDS.poor.roundTripMs, THRESHOLDS.fair.roundTripMs, true);
  grade('bandwidth', bitrateKbps, THRESHOLDS.poor.bitrateKbps, THRESHOLDS.fair.bitrateKbps, false);
  // The encoder lowering quality is worth a "fair" on its own: viewers see it.
  if (current.qualityLimitationReason === 'bandwidth' && !poor.includes('bandwidth') && !fair.includes('bandwidth')) fair.push('bandwidth');
  if (current.qualityLimitationReason === 'cpu') fair.push('cpu');

  const known = lossPercent !== null || roundTripMs !== null || bitrateKbps !== null || current.qualityLimitationReason !== null;
  const level: QualityLevel = poor.length > 0 ? 'poor' : fair.length > 0 ? 'fair' : known ? 'good' : 'unknown';
  return { level, reasons: [...poor, ...fair], ...measures };
}

function lossSince(previous: UplinkSample | null, current: UplinkSample): number | null {
  if (
    previous &&
    previous.at < current.at &&
    current.packetsSent !== null &&
    current.packetsLost !== null &&
    previous.packetsSent !== null &&
    previous.packetsLost !== null
  ) {
    const sent = current.packetsSent - previous.packetsSent;
    const lost = Math.max(0, current.packetsLost - previous.packetsLost);
    // Counters restart when the transport is replaced: fall through to the receiver's estimate.
    if (sent > 0 && lost <= sent) return round1((lost / sent) * 100);
  }
  return current.fractionLost === null ? null : round1(current.fractionLost * 100);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
