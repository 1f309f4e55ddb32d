/** One segment of a recording as the playlist lists it. */
export interface PlaylistSegment {
  /** Relative to the playlist, so a CDN or a bucket serving the folder serves the same playlist. */
  uri: string;
  /** Server wall-clock time of the segment's first frame (EXT-X-PROGRAM-DATE-TIME). */
  startMs: number;
  durationS: number;
  /** The first segment after a gap (an ffmpeg restart: worker died, host republished). */
  discontinuity: boolean;
}

/**
 * A media playlist of every segment so far (EVENT: segments are only ever appended, so a player may
 * seek back to the start while the show is live), final with EXT-X-ENDLIST once the show ended.
 */
export function renderPlaylist(segments: readonly PlaylistSegment[], { final }: { final: boolean }): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.durationS)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:EVENT'];
  for (const segment of segments) {
    if (segment.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.startMs).toISOString()}`);
    lines.push(`#EXTINF:${segment.durationS.toFixed(3)},`);
    lines.push(segment.uri);
  }
  if (final) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/**
 * One line of ffmpeg's segment list (`-segment_list_type csv`): `name,start,end` in seconds of the
 * output timestamps, which are wall-clock epoch seconds here (`-use_wallclock_as_timestamps 1 -copyts`).
 */
export function parseSegmentListLine(line: string): { file: string; startS: number; endS: number } | null {
  const match = /^([a-z0-9-]+\.ts),([\d.]+),([\d.]+)$/.exec(line.trim());
  if (!match) return null;
  const startS = Number(match[2]);
  const endS = Number(match[3]);
  return Number.isFinite(startS) && Number.isFinite(endS) && endS >= startS ? { file: match[1]!, startS, endS } : null;
}
