/**
 * Which simulcast layer a viewer should ask for. Pure: the caller feeds it what
 * it observed (time, score, element size, page visibility) and applies the
 * answer, so every rule can be tested without a browser.
 *
 * The rules: start small; go up one layer at a time when the link is clean and
 * the picture is shown large enough to need it; go down when the link loses
 * packets or the picture got much smaller; drop to the lowest layer as soon as
 * the page is hidden, and stop the stream once it has been hidden a while.
 * Thresholds have gaps and switches are spaced out, so the layer never flaps.
 */

/** Least time between two switches, so a wobbling score cannot flap the layer. */
export const SWITCH_HOLD_MS = 5_000;
/** After stepping down because of the link, wait longer before trying up again. */
export const UP_AFTER_DOWN_HOLD_MS = 15_000;
/** A page hidden this long stops receiving video at all. */
export const PAUSE_WHEN_HIDDEN_MS = 10_000;
/** mediasoup scores 0–10 (10: no loss). Up at or above HIGH, down at or below LOW, hold in between. */
export const HIGH_SCORE = 9;
export const LOW_SCORE = 6;
/** Step down for size only when the element is well below the current layer's width. */
const SHRINK_FACTOR = 0.75;
/** Our publisher sends 720p at a quarter, half and full size. */
const NOMINAL_TOP_WIDTH = 1280;

export interface LayerState {
  /** The spatial layer last asked for. */
  layer: number;
  paused: boolean;
  /** When the layer or the pause last changed (ms). */
  changedAt: number;
  lastMove: 'up' | 'down' | null;
}

export interface LayerObservation {
  now: number;
  layerCount: number;
  /** Width in pixels of each spatial layer, lowest first. */
  layerWidths: readonly number[];
  /** The video element's width in CSS pixels. */
  elementWidth: number;
  /** The consumer's latest score (mediasoup starts every consumer at 10). */
  score: number;
  /** Since when the page has been hidden; null while it is visible. */
  hiddenSince: number | null;
}

export type LayerReason = 'hidden' | 'link' | 'size' | 'room';

export type LayerDecision =
  { kind: 'stay' } | { kind: 'switch'; layer: number; reason: LayerReason } | { kind: 'pause' } | { kind: 'resume' };

export function initialLayerState(now: number): LayerState {
  return { layer: 0, paused: false, changedAt: now, lastMove: null };
}

export function decideLayer(state: LayerState, seen: LayerObservation): LayerDecision {
  const top = Math.max(0, seen.layerCount - 1);
  if (seen.hiddenSince !== null) {
    if (!state.paused && seen.now - seen.hiddenSince >= PAUSE_WHEN_HIDDEN_MS) return { kind: 'pause' };
    // Nobody is looking: going down needs no hold, and saves data at once.
    if (state.layer > 0) return { kind: 'switch', layer: 0, reason: 'hidden' };
    return { kind: 'stay' };
  }
  if (state.paused) return { kind: 'resume' };

  const layer = Math.min(state.layer, top);
  const since = seen.now - state.changedAt;
  const width = (l: number) => seen.layerWidths[l] ?? Number.POSITIVE_INFINITY;
  if (since < SWITCH_HOLD_MS) return { kind: 'stay' };
  if (layer > 0 && seen.score <= LOW_SCORE) return { kind: 'switch', layer: layer - 1, reason: 'link' };
  if (layer > 0 && seen.elementWidth < width(layer) * SHRINK_FACTOR) return { kind: 'switch', layer: layer - 1, reason: 'size' };
  const upHold = state.lastMove === 'down' ? UP_AFTER_DOWN_HOLD_MS : SWITCH_HOLD_MS;
  if (layer < top && seen.score >= HIGH_SCORE && seen.elementWidth >= width(layer + 1) && since >= upHold) {
    return { kind: 'switch', layer: layer + 1, reason: 'room' };
  }
  return { kind: 'stay' };
}

/** The state after the caller carried out a decision. */
export function applyDecision(state: LayerState, decision: LayerDecision, now: number): LayerState {
  switch (decision.kind) {
    case 'stay':
      return state;
    case 'switch':
      return { layer: decision.layer, paused: state.paused, changedAt: now, lastMove: decision.layer > state.layer ? 'up' : 'down' };
    case 'pause':
      return { ...state, paused: true, changedAt: now };
    case 'resume':
      // The hidden page already went to the lowest layer; coming back starts small like a new viewer.
      return { layer: 0, paused: false, changedAt: now, lastMove: null };
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}

/**
 * Widths of the spatial layers, lowest first. Each layer is half the width of
 * the next; one decoded frame of a known layer pins them all, otherwise assume 720p.
 */
export function estimateLayerWidths(layerCount: number, sample: { width: number; spatialLayer: number } | null): number[] {
  const top = sample && sample.width > 0 ? sample.width * 2 ** (layerCount - 1 - sample.spatialLayer) : NOMINAL_TOP_WIDTH;
  return Array.from({ length: layerCount }, (_, l) => Math.round(top / 2 ** (layerCount - 1 - l)));
}

export type QualityLevel = 'low' | 'medium' | 'high';

/** A word for the layer being received, for the small quality badge. */
export function qualityLevel(spatialLayer: number, layerCount: number): QualityLevel {
  if (layerCount <= 1 || spatialLayer >= layerCount - 1) return 'high';
  return spatialLayer === 0 ? 'low' : 'medium';
}
