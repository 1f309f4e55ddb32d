// What the benchmarks must show, as data: `npm run bench` (bench/run.ts) compares
// every figure the benchmarks report with these and exits non-zero when one is
// missed or was not measured. Tests never assert timings; these are not tests.
// `when` selects figures by their run's parameters; without it every figure of
// that name must meet the target.
import type { Params } from './support/results';

export interface Target {
  benchmark: string;
  figure: string;
  when?: Params;
  atMost?: number;
  atLeast?: number;
  /** where the target comes from */
  source: string;
}

const ratioRuns: Params[] = [
  { buyers: 1000, units: 100 },
  { buyers: 1000, units: 1000 },
];

export const TARGETS: Target[] = [
  ...ratioRuns.flatMap((when): Target[] => [
    { benchmark: 'purchase-storm', figure: 'ack p99 app/reference', when, atMost: 1.5, source: 'issue 14' },
    { benchmark: 'purchase-storm', figure: 'orders/s app/reference', when, atLeast: 0.7, source: 'issue 14' },
  ]),
  {
    benchmark: 'purchase-storm',
    figure: 'correctness violations',
    atMost: 0,
    source: 'issue 14: 0 oversold, 0 duplicates, one capture per key, a void for every refused tap',
  },
  { benchmark: 'chat-fanout', figure: 'delivery p99', when: { viewers: 2000, perSecond: 20 }, atMost: 150, source: 'issue 7' },
  { benchmark: 'chat-fanout', figure: 'undelivered', atMost: 0, source: 'issue 7' },
  { benchmark: 'chat-fanout', figure: 'pin → last viewer p99', when: { viewers: 2000 }, atMost: 150, source: 'issue 7' },
  {
    benchmark: 'page-weight',
    figure: 'first-load JS gzip',
    when: { page: '/shows/[showId]' },
    atMost: 150,
    source: 'issue 7 (kB = 1,000 bytes)',
  },
  { benchmark: 'page-weight', figure: 'viewer LCP p95', atMost: 2000, source: 'issue 7' },
  {
    benchmark: 'media-fanout',
    figure: 'loss end to end',
    when: { consumers: 500 },
    atMost: 0.1,
    source: 'issue 7: ≥ 500 consumers of 720p on one worker without loss (< 0.1 % after retransmission)',
  },
  { benchmark: 'media-fanout', figure: 'new consumers not starting on layer 0', atMost: 0, source: 'issue 7' },
  {
    benchmark: 'media-fanout',
    figure: 'key frame requests/s at host (steady)',
    atMost: 1,
    source: 'issue 7: no key frame storm at the host',
  },
  { benchmark: 'glass-to-glass', figure: 'glass-to-glass p95', atMost: 400, source: 'issue 7' },
  { benchmark: 'glass-to-glass', figure: 'time to first frame p50', when: { profile: 'desktop' }, atMost: 1000, source: 'issue 14 item 7' },
  {
    benchmark: 'swipe-feed',
    figure: 'swipe → moving video p95',
    atMost: 300,
    source: 'issue 14 item 7: a swipe shows moving video within 300 ms',
  },
  { benchmark: 'swipe-feed', figure: 'swipes without video', atMost: 0, source: 'issue 14 item 7' },
  {
    benchmark: 'recording-cpu',
    figure: 'CPU per recorded show',
    atMost: 50,
    source: 'issue 16 item 8: a 2-core node records a show and still serves it (half a core at most for 720p)',
  },
  {
    benchmark: 'hls-glass',
    figure: 'HLS program date time behind p95',
    atMost: 10_000,
    source: 'issue 16 item 3: the backup stream is "a few seconds behind" (2 s segments, two behind the edge)',
  },
  {
    benchmark: 'replay-first-frame',
    figure: 'replay time to first frame p50',
    when: { profile: 'desktop' },
    atMost: 1500,
    source:
      'issue 16 item 8: a replay starts about as fast as a live show (live first frame p50 ≤ 1,000 ms) plus one playlist and one segment',
  },
  {
    benchmark: 'replay-first-frame',
    figure: 'replay time to first frame p95',
    when: { profile: 'desktop' },
    atMost: 2500,
    source: 'issue 16 item 8',
  },
  { benchmark: 'replay-first-frame', figure: 'replay loads without a frame', atMost: 0, source: 'issue 16 item 8' },
  {
    benchmark: 'assistant-eval',
    figure: 'intent accuracy',
    atLeast: 90,
    source: 'issue 19 item 7: ≥ 90 % intent accuracy (overall and per language)',
  },
  {
    benchmark: 'assistant-eval',
    figure: 'wrong price or stock answers',
    atMost: 0,
    source: 'issue 19 item 7: no wrong price or stock ever',
  },
];

/** A percentile from fewer samples than this says nothing; the runner treats it as not measured. */
export const MIN_SAMPLES_FOR_PERCENTILE = 20;
