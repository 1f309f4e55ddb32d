// A real VP8 clip in three simulcast sizes, encoded once by libvpx (Debian's
// vpx-tools) and cached outside the clone. The picture moves and carries noise so
// the encoder spends a camera-like bitrate on it, not the few bytes a still costs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ClipLayer {
  width: number;
  height: number;
  kbps: number;
}

/** The three encodings a browser sends for a 720p camera (quarter, half, full). */
export const SIMULCAST_LAYERS: readonly ClipLayer[] = [
  { width: 320, height: 180, kbps: 150 },
  { width: 640, height: 360, kbps: 500 },
  { width: 1280, height: 720, kbps: 1500 },
];
export const CLIP_FPS = 30;
const CLIP_SECONDS = 10;

const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'live-commerce', 'bench-clip');

/** One I420 frame: a moving diagonal gradient, a bouncing box and per-frame noise. */
function frame(width: number, height: number, index: number): Buffer {
  const luma = width * height;
  const out = Buffer.alloc(luma * 1.5);
  const shift = index * 4;
  const boxX = Math.floor(((Math.sin(index / 20) + 1) / 2) * (width - width / 5));
  const boxY = Math.floor(((Math.cos(index / 27) + 1) / 2) * (height - height / 5));
  let seed = index * 7919 + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const inBox = x >= boxX && x < boxX + width / 5 && y >= boxY && y < boxY + height / 5;
      out[y * width + x] = inBox ? 235 : ((x + y + shift) % 200) + 16 + ((seed >> 16) % 24);
    }
  }
  const cw = width / 2;
  const ch = height / 2;
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      out[luma + y * cw + x] = 128 + Math.round(60 * Math.sin((x + shift) / 30));
      out[luma + cw * ch + y * cw + x] = 128 + Math.round(60 * Math.cos((y + shift) / 25));
    }
  }
  return out;
}

async function encode(layer: ClipLayer, file: string): Promise<void> {
  const partial = `${file}.partial`;
  // Real-time settings as a browser uses them; a key frame every second so a new
  // consumer never waits long, since pre-encoded media cannot answer a PLI.
  const vpxenc = spawn(
    'vpxenc',
    [
      '--codec=vp8',
      `--width=${layer.width}`,
      `--height=${layer.height}`,
      `--fps=${CLIP_FPS}/1`,
      '--i420',
      '--rt',
      '--cpu-used=8',
      '--end-usage=cbr',
      `--target-bitrate=${layer.kbps}`,
      `--kf-max-dist=${CLIP_FPS}`,
      '--error-resilient=1',
      '--lag-in-frames=0',
      '--ivf',
      '--quiet',
      '-o',
      partial,
      '-',
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = new Promise<void>((resolve, reject) => {
    vpxenc.once('error', reject);
    vpxenc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vpxenc exited with ${code}`))));
  });
  for (let i = 0; i < CLIP_FPS * CLIP_SECONDS; i++) {
    if (!vpxenc.stdin.write(frame(layer.width, layer.height, i))) await new Promise((r) => vpxenc.stdin.once('drain', r));
  }
  vpxenc.stdin.end();
  await done;
  renameSync(partial, file);
}

/** Paths of the three IVF files, encoding whichever is missing. */
export async function simulcastClip(): Promise<string[]> {
  mkdirSync(cacheDir, { recursive: true });
  const files: string[] = [];
  for (const layer of SIMULCAST_LAYERS) {
    const file = path.join(cacheDir, `clip-${layer.width}x${layer.height}-${layer.kbps}k.ivf`);
    if (!existsSync(file)) {
      console.log(`encoding the ${layer.width}×${layer.height} VP8 clip (once)…`);
      await encode(layer, file);
    }
    files.push(file);
  }
  return files;
}

/** The frames of an IVF file (32-byte file header, then 12-byte frame headers). */
export function ivfFrames(file: string): Buffer[] {
  const data = readFileSync(file);
  if (data.toString('ascii', 0, 4) !== 'DKIF') throw new Error(`${file} is not an IVF file`);
  const frames: Buffer[] = [];
  let offset = data.readUInt16LE(6);
  while (offset + 12 <= data.length) {
    const size = data.readUInt32LE(offset);
    frames.push(data.subarray(offset + 12, offset + 12 + size));
    offset += 12 + size;
  }
  return frames;
}
