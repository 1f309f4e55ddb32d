import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverlaySchedule, realtimePlayoutClock } from '../../app/_lib/overlay-schedule';
import { ServerClock } from '../../app/_lib/server-clock';
import type { PlayoutClock } from '../../app/_lib/playout-clock';

/** A playout clock the test moves by hand: `playout` is the server moment of the frame on screen. */
function manualClock(start: number | null) {
  let playout = start;
  const listeners = new Set<() => void>();
  const clock: PlayoutClock = {
    path: 'hls',
    playoutServerMs: () => playout,
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
  return {
    clock,
    /** Playback moving on at the wall's pace (fake timers advance with it). */
    play(ms: number) {
      playout = (playout ?? 0) + ms;
      vi.advanceTimersByTime(ms);
    },
    /** A jump (a seek, a stall that ended): the clock tells its listeners. */
    seek(to: number | null) {
      playout = to;
      for (const listener of listeners) listener();
    },
  };
}

describe('the overlay schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('holds a pin until the viewer’s playout passes its moment, then shows it', () => {
    vi.useFakeTimers();
    const video = manualClock(10_000);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 14_000 }, () => shown.push('pin'));
    expect(shown).toEqual([]);
    video.play(3_999);
    expect(shown).toEqual([]);
    video.play(1);
    expect(shown).toEqual(['pin']);
    expect(schedule.held).toBe(0);
  });

  it('applies at once on a clock that is already past the moment (a WebRTC viewer), and events outside every lane never wait', () => {
    vi.useFakeTimers();
    const video = manualClock(20_000);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 19_990 }, () => shown.push('pin'));
    schedule.route('chat:message', {}, () => shown.push('chat'));
    expect(shown).toEqual(['pin', 'chat']);
  });

  it('holds everything while nothing plays yet, and a seek past the moments applies them in arrival order', () => {
    vi.useFakeTimers();
    const video = manualClock(null);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('poll:started', { at: 5_000 }, () => shown.push('poll'));
    schedule.route('product:pinned', { at: 6_000 }, () => shown.push('pin'));
    vi.advanceTimersByTime(5_000);
    expect(shown).toEqual([]);
    video.seek(7_000);
    expect(shown).toEqual(['poll', 'pin']);
  });

  it('a seek back un-applies nothing and a seek forward releases what it passed', () => {
    vi.useFakeTimers();
    const video = manualClock(1_000);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 900 }, () => shown.push('pin A'));
    schedule.route('product:pinned', { at: 3_000 }, () => shown.push('pin B'));
    video.seek(500);
    expect(shown).toEqual(['pin A']);
    video.seek(3_500);
    expect(shown).toEqual(['pin A', 'pin B']);
  });

  it('keeps the show’s order within a lane: an event arriving later with an earlier moment waits for the one before it', () => {
    vi.useFakeTimers();
    const video = manualClock(0);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    // Two nodes' clocks a little apart: the unpin was numbered after the pin but stamped earlier.
    schedule.route('product:pinned', { at: 2_000 }, () => shown.push('pin'));
    schedule.route('product:unpinned', { at: 1_500 }, () => shown.push('unpin'));
    video.play(1_600);
    expect(shown).toEqual([]);
    video.play(400);
    expect(shown).toEqual(['pin', 'unpin']);
  });

  it('does not make one lane wait for another: a poll arriving after a held pin shows at its own moment', () => {
    vi.useFakeTimers();
    const video = manualClock(0);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 5_000 }, () => shown.push('pin'));
    schedule.route('poll:started', { at: 1_000 }, () => shown.push('poll'));
    video.play(1_000);
    expect(shown).toEqual(['poll']);
    video.play(4_000);
    expect(shown).toEqual(['poll', 'pin']);
  });

  it('keeps a deal’s sold count behind its held start, and a deal’s end applies at once with what it held', () => {
    vi.useFakeTimers();
    const video = manualClock(0);
    const schedule = new OverlaySchedule(video.clock);
    const shown: string[] = [];
    schedule.route('deal:started', { at: 4_000 }, () => shown.push('deal'));
    schedule.route('deal:updated', {}, () => shown.push('sold 3'));
    expect(shown).toEqual([]);
    // The server closed the window: nobody keeps seeing a price it would refuse.
    schedule.route('deal:ended', { at: 4_500 }, () => shown.push('ended'));
    expect(shown).toEqual(['deal', 'sold 3', 'ended']);
    expect(schedule.held).toBe(0);
  });

  it('judges held events by the new clock when the viewer’s path changes, and forgets them on reset', () => {
    vi.useFakeTimers();
    const hls = manualClock(0);
    const schedule = new OverlaySchedule(hls.clock);
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 8_000 }, () => shown.push('pin'));
    schedule.setClock(manualClock(9_000).clock);
    expect(shown).toEqual(['pin']);
    schedule.route('giveaway:started', { at: 50_000 }, () => shown.push('giveaway'));
    schedule.reset();
    vi.advanceTimersByTime(100_000);
    expect(schedule.held).toBe(0);
    expect(shown).toEqual(['pin']);
  });
});

describe('the realtime playout clock', () => {
  it('shows a pin at once before the page’s first clock sample, even on a device clock minutes behind', () => {
    const clock = new ServerClock(() => 0);
    const schedule = new OverlaySchedule(realtimePlayoutClock(clock));
    const shown: string[] = [];
    // The device thinks it is 7 minutes earlier than the server's moment of the pin.
    schedule.route('product:pinned', { at: Date.now() + 7 * 60_000 }, () => shown.push('pin'));
    expect(shown).toEqual(['pin']);
  });

  it('after a sample, reads the server’s now: a moment the server has not reached yet waits', () => {
    vi.useFakeTimers();
    let local = 1_000;
    const clock = new ServerClock(() => local);
    clock.addSample(1_000, 50_000, 1_000);
    const schedule = new OverlaySchedule(realtimePlayoutClock(clock));
    const shown: string[] = [];
    schedule.route('product:pinned', { at: 50_300 }, () => shown.push('pin'));
    expect(shown).toEqual([]);
    local += 300;
    vi.advanceTimersByTime(300);
    expect(shown).toEqual(['pin']);
  });
});
