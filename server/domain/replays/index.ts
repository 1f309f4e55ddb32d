// Replays: an ended show with a READY recording, played with its lineup, pins as chapters and chat,
// and sold from at the regular price (through the orders module's pipeline).
//
// The module's public door: code outside server/domain/replays/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { getReplay, hasReplay, type Replay, replayObjectKey, replayPlaylistUrl, requireReplay } from './replays';
export {
  chaptersFromPins,
  chatCountAt,
  chapterClock,
  pinnedAt,
  playheadOfServerTime,
  serverTimeOfPlayhead,
  type ReplayChapter,
  type TimedSegment,
  type TimelinePin,
} from '../replay-timeline';
