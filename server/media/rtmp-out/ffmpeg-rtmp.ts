import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// ffmpeg reading the tap's SDP and pushing H.264 + AAC in FLV (what every RTMP ingest takes).
// The browser sends VP8 and Opus, so both are transcoded; x264's veryfast preset with
// zerolatency is the cheap end that platforms still accept (docs/simulcast.md has the CPU).

export interface EncoderProgress {
  frames: number;
  bytes: number;
}

export interface RtmpEncoder {
  process: ChildProcess;
  /** Resolves with the exit code and the last lines ffmpeg printed, once it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  onProgress(listener: (progress: EncoderProgress) => void): void;
  stop(): void;
}

export const RTMP_VIDEO = { preset: 'veryfast', bitrateKbps: 2500, fps: 30, keyframeSeconds: 2, width: 1280, height: 720 } as const;

export function encoderArgs(sdpFile: string, publishUrl: string, hasAudio: boolean, preset: string = RTMP_VIDEO.preset): string[] {
  const { bitrateKbps, fps, keyframeSeconds, width, height } = RTMP_VIDEO;
  // One fixed frame size: the host's simulcast layer (and so the picture's size) changes with their uplink, and
  // ffmpeg would otherwise keep the first frame's size for the whole push (a 180p start stays 180p). Fitted, not
  // stretched: a portrait phone gets bars.
  const fit = `scale=${width}:${height}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${width}:${height}:-1:-1,setsar=1`;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1'],
    ...['-protocol_whitelist', 'file,udp,rtp', '-fflags', '+genpts', '-i', sdpFile],
    // RTMP platforms reject a stream without audio: silence stands in for a host without a microphone.
    ...(hasAudio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo']),
    ...['-map', '0:v:0', '-map', hasAudio ? '0:a:0' : '1:a:0'],
    ...['-vf', `${fit},fps=${fps}`, '-c:v', 'libx264', '-preset', preset, '-tune', 'zerolatency'],
    ...['-pix_fmt', 'yuv420p', '-profile:v', 'main', '-g', String(fps * keyframeSeconds), '-keyint_min', String(fps * keyframeSeconds)],
    ...['-sc_threshold', '0', '-b:v', `${bitrateKbps}k`, '-maxrate', `${bitrateKbps}k`, '-bufsize', `${bitrateKbps * 2}k`],
    ...['-c:a', 'aac', '-b:a', '128k', '-ar', '44100', '-ac', '2'],
    ...['-f', 'flv', '-flvflags', 'no_duration_filesize', publishUrl],
  ];
}

export function startRtmpEncoder({
  ffmpegPath,
  sdp,
  publishUrl,
  hasAudio,
  preset,
}: {
  ffmpegPath: string;
  sdp: string;
  publishUrl: string;
  hasAudio: boolean;
  /** x264's preset; the benchmark compares them. */
  preset?: string;
}): RtmpEncoder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-rtmp-out-'));
  const sdpFile = path.join(dir, 'show.sdp');
  writeFileSync(sdpFile, sdp, { mode: 0o600 });
  const child = spawn(ffmpegPath, encoderArgs(sdpFile, publishUrl, hasAudio, preset), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const listeners: ((progress: EncoderProgress) => void)[] = [];
  let block: Record<string, string> = {};
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const at = line.indexOf('=');
      if (at < 0) continue;
      const key = line.slice(0, at).trim();
      block[key] = line.slice(at + 1).trim();
      // `progress=` closes each block of -progress output.
      if (key === 'progress') {
        const progress = { frames: Number(block.frame ?? 0) || 0, bytes: Number(block.total_size ?? 0) || 0 };
        block = {};
        for (const listener of listeners) listener(progress);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
    });
    child.once('close', (code, signal) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stderr: stderr.trim() });
    });
  });
  return {
    process: child,
    exited,
    onProgress: (listener) => listeners.push(listener),
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // An encoder blocked writing to a dead ingest may not heed SIGTERM.
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 3000).unref();
    },
  };
}
