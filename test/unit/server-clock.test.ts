import { describe, expect, it } from 'vitest';
import { ClockOffsetEstimator, ServerClock } from '../../app/_lib/server-clock';

// The device's clock is `local`; the server's is local + TRUE_OFFSET. A sample is sent at t0 (local),
// read by the server `out` ms later and answered, arriving `back` ms after that.
const TRUE_OFFSET = 7 * 60_000 + 123;
function sample(estimator: ClockOffsetEstimator, t0: number, out: number, back: number) {
  return estimator.add(t0, t0 + out + TRUE_OFFSET, t0 + out + back);
}

describe('the server clock offset estimator', () => {
  it('recovers the offset exactly when the way there and back take equally long', () => {
    const estimator = new ClockOffsetEstimator();
    sample(estimator, 1_000, 40, 40);
    expect(estimator.best()?.offsetMs).toBe(TRUE_OFFSET);
  });

  it('is wrong by at most half the round trip when the delays are asymmetric', () => {
    const estimator = new ClockOffsetEstimator();
    // Everything on the way there, nothing on the way back: the worst case for this round trip.
    sample(estimator, 1_000, 300, 0);
    const best = estimator.best()!;
    expect(best.rttMs).toBe(300);
    expect(Math.abs(best.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(best.rttMs / 2);
    expect(best.offsetMs - TRUE_OFFSET).toBe(150);
  });

  it('keeps the quickest sample: an outlier delayed by a congested network or a busy page does not move the estimate', () => {
    const estimator = new ClockOffsetEstimator();
    sample(estimator, 1_000, 20, 22);
    sample(estimator, 2_000, 2_500, 10); // a stalled request, badly asymmetric
    sample(estimator, 6_000, 900, 30);
    const best = estimator.best()!;
    expect(best.rttMs).toBe(42);
    expect(Math.abs(best.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(1);
  });

  it('forgets samples older than its window once newer ones arrive, so a drifting clock is followed', () => {
    const estimator = new ClockOffsetEstimator(8, 60_000);
    sample(estimator, 0, 5, 5); // quick, but about to be stale
    estimator.add(120_000, 120_000 + 50 + TRUE_OFFSET + 900, 120_000 + 100); // the server moved on by 900 ms
    expect(estimator.sampleCount).toBe(1);
    expect(estimator.best()!.offsetMs).toBe(TRUE_OFFSET + 900);
  });

  it('ignores a sample whose answer came before its question (a broken timer)', () => {
    const estimator = new ClockOffsetEstimator();
    expect(estimator.add(1_000, 5_000, 900)).toBeNull();
    expect(estimator.best()).toBeNull();
  });
});

describe('the page’s server clock', () => {
  it('reads the device clock before its first sample, then the server’s, and tells its listeners', () => {
    let local = 50_000;
    const clock = new ServerClock(() => local);
    expect(clock.synced).toBe(false);
    let told = 0;
    clock.subscribe(() => told++);
    clock.addSample(50_000, 50_010 + TRUE_OFFSET, 50_020);
    expect(clock.synced).toBe(true);
    expect(told).toBe(1);
    local = 60_000;
    expect(clock.now()).toBe(60_000 + TRUE_OFFSET);
  });

  it('samples in a burst on every connect and stops when told', async () => {
    let local = 0;
    const clock = new ServerClock(() => local);
    let asked = 0;
    let connect: (() => void) | null = null;
    const stop = clock.follow(
      async () => {
        asked++;
        local += 10;
        return local - 5 + TRUE_OFFSET;
      },
      (listener) => ((connect = listener), () => (connect = null)),
      { burst: 3, burstGapMs: 1, resyncMs: 60_000 },
    );
    connect!();
    await expect.poll(() => asked).toBe(3);
    expect(clock.now()).toBe(local + TRUE_OFFSET);
    stop();
    expect(connect).toBeNull();
  });
});
