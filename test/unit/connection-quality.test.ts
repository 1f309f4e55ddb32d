import { describe, expect, it } from 'vitest';
import { sampleFromStats, summariseUplink, type UplinkSample } from '../../app/_lib/connection-quality';

const sample = (overrides: Partial<UplinkSample>): UplinkSample => ({
  at: 1000,
  packetsSent: null,
  packetsLost: null,
  fractionLost: null,
  roundTripTime: null,
  availableOutgoingBitrate: null,
  qualityLimitationReason: null,
  ...overrides,
});

describe('sampleFromStats', () => {
  it('sums our streams, takes the worst round trip and limitation, and reads only the selected candidate pair', () => {
    const stats = [
      { type: 'outbound-rtp', kind: 'video', timestamp: 5000, packetsSent: 900, qualityLimitationReason: 'none' },
      { type: 'outbound-rtp', kind: 'video', timestamp: 5000, packetsSent: 100, qualityLimitationReason: 'bandwidth' },
      { type: 'outbound-rtp', kind: 'audio', timestamp: 5000, packetsSent: 500 },
      { type: 'remote-inbound-rtp', timestamp: 5000, packetsLost: 10, fractionLost: 0.01, roundTripTime: 0.08 },
      { type: 'remote-inbound-rtp', timestamp: 5000, packetsLost: 2, fractionLost: 0.04, roundTripTime: 0.12 },
      { type: 'candidate-pair', id: 'CP1', state: 'failed', availableOutgoingBitrate: 10_000 },
      {
        type: 'candidate-pair',
        id: 'CP2',
        state: 'succeeded',
        nominated: true,
        availableOutgoingBitrate: 2_400_000,
        currentRoundTripTime: 0.05,
      },
      { type: 'transport', id: 'T1', selectedCandidatePairId: 'CP2' },
    ];
    expect(sampleFromStats(stats)).toEqual({
      at: 5000,
      packetsSent: 1500,
      packetsLost: 12,
      fractionLost: 0.04,
      roundTripTime: 0.12,
      availableOutgoingBitrate: 2_400_000,
      qualityLimitationReason: 'bandwidth',
    });
  });

  it('falls back to the candidate pair round trip when the receiver has not reported one', () => {
    const stats = [
      {
        type: 'candidate-pair',
        id: 'CP',
        state: 'succeeded',
        nominated: true,
        currentRoundTripTime: 0.2,
        availableOutgoingBitrate: 1_000_000,
      },
    ];
    expect(sampleFromStats(stats).roundTripTime).toBe(0.2);
  });

  it('leaves every figure unknown for a report without outgoing media', () => {
    expect(sampleFromStats([{ type: 'codec', timestamp: 1 }])).toEqual(sample({ at: 1 }));
  });
});

describe('summariseUplink', () => {
  it('is good when loss, round trip and bandwidth are all comfortable', () => {
    const summary = summariseUplink(
      null,
      sample({ fractionLost: 0.005, roundTripTime: 0.06, availableOutgoingBitrate: 3_000_000, qualityLimitationReason: 'none' }),
    );
    expect(summary).toEqual({ level: 'good', reasons: [], lossPercent: 0.5, roundTripMs: 60, bitrateKbps: 3000 });
  });

  it('measures loss since the previous sample, so old losses do not keep the indicator red', () => {
    const previous = sample({ at: 1000, packetsSent: 1000, packetsLost: 300 });
    const current = sample({ at: 3000, packetsSent: 2000, packetsLost: 305, roundTripTime: 0.05 });
    expect(summariseUplink(previous, current)).toMatchObject({ level: 'good', lossPercent: 0.5 });
  });

  it('is fair with moderate loss and says why', () => {
    const previous = sample({ at: 1000, packetsSent: 1000, packetsLost: 0 });
    const current = sample({ at: 3000, packetsSent: 2000, packetsLost: 50 });
    expect(summariseUplink(previous, current)).toMatchObject({ level: 'fair', reasons: ['loss'], lossPercent: 5 });
  });

  it('is poor when the round trip is very long or the network allows too little bitrate, poor reasons first', () => {
    const summary = summariseUplink(null, sample({ roundTripTime: 0.8, availableOutgoingBitrate: 600_000 }));
    expect(summary).toMatchObject({ level: 'poor', reasons: ['latency', 'bandwidth'], roundTripMs: 800, bitrateKbps: 600 });
    expect(summariseUplink(null, sample({ availableOutgoingBitrate: 200_000 })).level).toBe('poor');
  });

  it('is fair when the encoder itself reports it is held back by bandwidth or the processor', () => {
    expect(summariseUplink(null, sample({ qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 2_000_000 }))).toMatchObject({
      level: 'fair',
      reasons: ['bandwidth'],
    });
    expect(summariseUplink(null, sample({ qualityLimitationReason: 'cpu' }))).toMatchObject({ level: 'fair', reasons: ['cpu'] });
  });

  it('is poor and disconnected when the send transport has failed, whatever the last figures said', () => {
    expect(summariseUplink(null, sample({ roundTripTime: 0.01 }), 'failed')).toEqual({
      level: 'poor',
      reasons: ['disconnected'],
      lossPercent: null,
      roundTripMs: null,
      bitrateKbps: null,
    });
  });

  it('is unknown before any figure has arrived', () => {
    expect(summariseUplink(null, sample({})).level).toBe('unknown');
  });

  it('ignores counters that went backwards (a new transport) and uses the receiver estimate instead', () => {
    const previous = sample({ at: 1000, packetsSent: 5000, packetsLost: 100 });
    const current = sample({ at: 3000, packetsSent: 200, packetsLost: 1, fractionLost: 0.12 });
    expect(summariseUplink(previous, current)).toMatchObject({ level: 'poor', reasons: ['loss'], lossPercent: 12 });
  });
});
