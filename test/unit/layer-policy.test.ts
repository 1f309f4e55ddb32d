import { describe, expect, it } from 'vitest';
import {
  applyDecision,
  decideLayer,
  estimateLayerWidths,
  HIGH_SCORE,
  initialLayerState,
  LOW_SCORE,
  PAUSE_WHEN_HIDDEN_MS,
  qualityLevel,
  SWITCH_HOLD_MS,
  UP_AFTER_DOWN_HOLD_MS,
  type LayerDecision,
  type LayerObservation,
  type LayerState,
} from '../../app/_lib/layer-policy';

const WIDTHS = [320, 640, 1280];
const seen = (over: Partial<LayerObservation> = {}): LayerObservation => ({
  now: 0,
  layerCount: 3,
  layerWidths: WIDTHS,
  elementWidth: 1400,
  score: 10,
  hiddenSince: null,
  ...over,
});
const at = (layer: number, changedAt = 0, lastMove: LayerState['lastMove'] = null): LayerState => ({
  layer,
  paused: false,
  changedAt,
  lastMove,
});

/** Feeds the policy one observation per second and applies what it decides, like the player does. */
function run(from: LayerState, seconds: number, observe: (now: number) => Partial<LayerObservation>) {
  let state = from;
  const decisions: { now: number; decision: LayerDecision }[] = [];
  for (let now = from.changedAt + 1000; now <= from.changedAt + seconds * 1000; now += 1000) {
    const decision = decideLayer(state, seen({ now, ...observe(now) }));
    if (decision.kind !== 'stay') decisions.push({ now, decision });
    state = applyDecision(state, decision, now);
  }
  return { state, decisions };
}

describe('layer policy', () => {
  it('starts a new viewer on the lowest layer', () => {
    expect(initialLayerState(123)).toEqual({ layer: 0, paused: false, changedAt: 123, lastMove: null });
  });

  it('holds the first layer for the hold time, then climbs one layer at a time on a clean link and a large screen', () => {
    const { state, decisions } = run(initialLayerState(0), 12, () => ({}));
    expect(decisions).toEqual([
      { now: SWITCH_HOLD_MS, decision: { kind: 'switch', layer: 1, reason: 'room' } },
      { now: 2 * SWITCH_HOLD_MS, decision: { kind: 'switch', layer: 2, reason: 'room' } },
    ]);
    expect(state.layer).toBe(2);
  });

  it('does not climb above the layer the video element is wide enough to show', () => {
    expect(run(initialLayerState(0), 60, () => ({ elementWidth: 390 })).state.layer).toBe(0);
    expect(run(initialLayerState(0), 60, () => ({ elementWidth: 800 })).state.layer).toBe(1);
    expect(decideLayer(at(1), seen({ now: SWITCH_HOLD_MS, elementWidth: 1280 }))).toEqual({ kind: 'switch', layer: 2, reason: 'room' });
  });

  it('does not climb while the score is below the high mark', () => {
    expect(decideLayer(at(0), seen({ now: 60_000, score: HIGH_SCORE - 1 }))).toEqual({ kind: 'stay' });
  });

  it('steps down one layer when the score drops to the low mark, and not while the last switch is recent', () => {
    expect(decideLayer(at(2), seen({ now: SWITCH_HOLD_MS, score: LOW_SCORE }))).toEqual({ kind: 'switch', layer: 1, reason: 'link' });
    expect(decideLayer(at(2), seen({ now: SWITCH_HOLD_MS - 1, score: 0 }))).toEqual({ kind: 'stay' });
    expect(decideLayer(at(0), seen({ now: 60_000, score: 0 }))).toEqual({ kind: 'stay' });
  });

  it('holds between the low and the high mark, so a middling score neither climbs nor drops', () => {
    const middling = LOW_SCORE + 1;
    expect(middling).toBeLessThan(HIGH_SCORE);
    expect(decideLayer(at(1), seen({ now: 60_000, score: middling }))).toEqual({ kind: 'stay' });
  });

  it('never flaps: a score swinging every second between good and bad switches at most once per hold time, and waits longer to climb after a drop', () => {
    const { decisions } = run(at(2), 60, (now) => ({ score: (now / 1000) % 2 === 0 ? 10 : 3 }));
    const times = decisions.map((d) => d.now);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SWITCH_HOLD_MS);
    const downs = decisions.filter((d) => d.decision.kind === 'switch' && d.decision.reason === 'link');
    expect(downs.length).toBeGreaterThan(0);
    for (const down of downs) {
      const nextUp = decisions.find((d) => d.now > down.now && d.decision.kind === 'switch' && d.decision.reason === 'room');
      if (nextUp) expect(nextUp.now - down.now).toBeGreaterThanOrEqual(UP_AFTER_DOWN_HOLD_MS);
    }
  });

  it('steps down for size only when the element is well below the current layer', () => {
    expect(decideLayer(at(2), seen({ now: SWITCH_HOLD_MS, elementWidth: 1100 }))).toEqual({ kind: 'stay' });
    expect(decideLayer(at(2), seen({ now: SWITCH_HOLD_MS, elementWidth: 900 }))).toEqual({ kind: 'switch', layer: 1, reason: 'size' });
  });

  it('drops to the lowest layer as soon as the page is hidden, without waiting for the hold', () => {
    expect(decideLayer(at(2, 0, 'up'), seen({ now: 1, hiddenSince: 1 }))).toEqual({ kind: 'switch', layer: 0, reason: 'hidden' });
    expect(decideLayer(at(0), seen({ now: 1, hiddenSince: 1 }))).toEqual({ kind: 'stay' });
  });

  it('pauses the video once the page has been hidden for the pause time, and resumes on the lowest layer when it is shown again', () => {
    const hiddenAt = 20_000;
    const hidden = run(at(2), 40, (now) => ({ hiddenSince: now >= hiddenAt ? hiddenAt : null }));
    expect(hidden.decisions).toEqual([
      { now: hiddenAt, decision: { kind: 'switch', layer: 0, reason: 'hidden' } },
      { now: hiddenAt + PAUSE_WHEN_HIDDEN_MS, decision: { kind: 'pause' } },
    ]);
    const back = decideLayer(hidden.state, seen({ now: 41_000 }));
    expect(back).toEqual({ kind: 'resume' });
    const resumed = applyDecision(hidden.state, back, 41_000);
    expect(resumed).toEqual({ layer: 0, paused: false, changedAt: 41_000, lastMove: null });
    expect(decideLayer(resumed, seen({ now: 41_000 + SWITCH_HOLD_MS - 1 }))).toEqual({ kind: 'stay' });
  });

  it('never asks for a layer the stream does not have', () => {
    expect(run(initialLayerState(0), 60, () => ({ layerCount: 1, layerWidths: [640] })).decisions).toEqual([]);
    expect(run(initialLayerState(0), 60, () => ({ layerCount: 2, layerWidths: [640, 1280] })).state.layer).toBe(1);
  });
});

describe('layer widths and quality words', () => {
  it('derives every layer’s width from one decoded frame of a known layer, each half the next', () => {
    expect(estimateLayerWidths(3, { width: 160, spatialLayer: 0 })).toEqual([160, 320, 640]);
    expect(estimateLayerWidths(3, { width: 640, spatialLayer: 1 })).toEqual([320, 640, 1280]);
  });

  it('assumes 720p before any frame is decoded', () => {
    expect(estimateLayerWidths(3, null)).toEqual([320, 640, 1280]);
    expect(estimateLayerWidths(1, null)).toEqual([1280]);
  });

  it('names the lowest layer low, the top one high, and the rest medium', () => {
    expect([0, 1, 2].map((l) => qualityLevel(l, 3))).toEqual(['low', 'medium', 'high']);
    expect(qualityLevel(0, 2)).toBe('low');
    expect(qualityLevel(0, 1)).toBe('high');
  });
});
