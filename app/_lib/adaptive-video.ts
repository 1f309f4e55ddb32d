'use client';

import {
  applyDecision,
  decideLayer,
  estimateLayerWidths,
  initialLayerState,
  qualityLevel,
  type LayerDecision,
  type QualityLevel,
} from './layer-policy';
import type { AdaptiveFeed } from './media-subscriber';

export interface AdaptiveStatus {
  /** The video was stopped because the page is hidden. */
  paused: boolean;
  /** The layer being received, as a word; null without simulcast or before the first report. */
  quality: QualityLevel | null;
}

const TICK_MS = 1000;

/**
 * Runs the layer policy for one player: once a second, and at once when the
 * page is hidden or shown. Returns a function that stops it.
 */
export function adaptVideo(subscriber: AdaptiveFeed, video: HTMLVideoElement, onStatus: (status: AdaptiveStatus) => void): () => void {
  let state = initialLayerState(Date.now());
  let stateOf: string | null = null;
  let hiddenSince: number | null = document.hidden ? Date.now() : null;
  let busy = false;
  let stopped = false;

  const report = () => {
    const feed = subscriber.video;
    const quality =
      feed && feed.spatialLayers > 1 && feed.spatialLayer !== null ? qualityLevel(feed.spatialLayer, feed.spatialLayers) : null;
    onStatus({ paused: feed?.paused ?? false, quality });
  };

  const carryOut = (decision: Exclude<LayerDecision, { kind: 'stay' }>): Promise<void> => {
    switch (decision.kind) {
      case 'switch':
        return subscriber.setVideoLayer(decision.layer);
      case 'pause':
        return subscriber.pauseVideo();
      case 'resume':
        // Back on the lowest layer first, so the picture returns as fast as it did on arrival.
        return (subscriber.video?.preferredLayer === 0 ? Promise.resolve() : subscriber.setVideoLayer(0)).then(() =>
          subscriber.resumeVideo(),
        );
      default: {
        const unreachable: never = decision;
        return unreachable;
      }
    }
  };

  const tick = () => {
    const feed = subscriber.video;
    if (!feed || busy || stopped) return;
    const now = Date.now();
    // A new consumer (the host republished) starts on the lowest layer again, and so does the policy.
    if (feed.consumerId !== stateOf) {
      stateOf = feed.consumerId;
      state = initialLayerState(now);
    }
    const sample = feed.spatialLayer !== null && video.videoWidth > 0 ? { width: video.videoWidth, spatialLayer: feed.spatialLayer } : null;
    const decision = decideLayer(state, {
      now,
      layerCount: feed.spatialLayers,
      layerWidths: estimateLayerWidths(feed.spatialLayers, sample),
      elementWidth: video.clientWidth,
      score: feed.score,
      hiddenSince,
    });
    if (decision.kind === 'stay') return;
    busy = true;
    carryOut(decision)
      .then(
        () => {
          state = applyDecision(state, decision, Date.now());
        },
        // Refused or timed out: wait a full hold before trying again rather than asking every second.
        () => {
          state = { ...state, changedAt: Date.now() };
        },
      )
      .finally(() => {
        busy = false;
      });
  };

  const onVisibility = () => {
    hiddenSince = document.hidden ? (hiddenSince ?? Date.now()) : null;
    tick();
  };

  const timer = window.setInterval(tick, TICK_MS);
  document.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = subscriber.onVideoChange(report);
  report();
  return () => {
    stopped = true;
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    unsubscribe();
  };
}
