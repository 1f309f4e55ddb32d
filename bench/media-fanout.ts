// Media fan-out: one simulcast VP8 host stream (a real libvpx-encoded clip, three
// layers) into one mediasoup worker, and C plain-RTP consumers on the top layer
// feeding counting receivers in other processes. For each C: what the worker sent,
// what arrived, packets lost, the worker's CPU and CPU per consumer, and the key
// frame requests that reached the host. New consumers are created as the app
// creates them (starting on layer 0), so the run also shows where they start.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { INITIAL_PREFERRED_LAYERS, KEY_FRAME_REQUEST_DELAY_MS } from '../server/media/consumer-layers';
import { MEDIA_CODECS } from '../server/media/config';
import { processUsage, record, table } from './support/harness';
import { simulcastClip, SIMULCAST_LAYERS } from './support/test-clip';

const STEPS = (process.env.BENCH_CONSUMERS ?? '100,250,500,750,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RECEIVER_PROCESSES = 2;
const SSRCS = [111_111, 222_222, 333_333];
const here = import.meta.dirname;

interface LineProcess {
  child: ChildProcess;
  lines: Interface;
}

function startNode(script: string, args: string[]): LineProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'support', script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  return { child, lines: createInterface({ input: child.stdout! }) };
}

function ask<T>(proc: LineProcess, command: string): Promise<T> {
  return new Promise((resolve) => {
    proc.lines.once('line', (line) => resolve(JSON.parse(line) as T));
    proc.child.stdin!.write(`${command}\n`);
  });
}

interface ReceiverReport {
  consumers: number;
  packets: number;
  bytes: number;
  lost: number;
  silent: number;
  seconds: number;
}

/** UDP datagrams the kernel dropped because a receiving socket's buffer was full. */
function kernelUdpDrops(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const names = lines[0]!.split(/\s+/);
  const values = lines[1]!.split(/\s+/);
  return Number(values[names.indexOf('RcvbufErrors')]);
}

/** Packets of the 720p stream the worker never received, so far. */
async function topLayerLost(producer: types.Producer): Promise<number> {
  const stats = await producer.getStats();
  return stats.find((s) => s.ssrc === SSRCS.at(-1))?.packetsLost ?? 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const clip = await simulcastClip();
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const ingress = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const producer = await ingress.produce({
    kind: 'video',
    keyFrameRequestDelay: KEY_FRAME_REQUEST_DELAY_MS,
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
      encodings: SSRCS.map((ssrc) => ({ ssrc, scalabilityMode: 'L1T1' })),
    },
  });
  let sender = { packets: 0, bytes: 0, pli: 0, fir: 0 };
  const senderProc = startNode('rtp-sender.ts', [String(ingress.tuple.localPort), SSRCS.join(','), ...clip]);
  senderProc.lines.on('line', (line) => (sender = JSON.parse(line) as typeof sender));
  const receivers = Array.from({ length: RECEIVER_PROCESSES }, () => startNode('rtp-receiver.ts', []));
  await sleep(2000);

  // A plain RTP receiver sends no congestion feedback: offering transport-cc or REMB
  // would start mediasoup's bandwidth estimator, which, never hearing back, walks
  // every consumer down to the lowest layer.
  const receiverCapabilities: types.RtpCapabilities = {
    codecs: router.rtpCapabilities.codecs!.map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb') })),
    headerExtensions: (router.rtpCapabilities.headerExtensions ?? []).filter((h) => !h.uri.includes('transport-wide-cc') && !h.uri.includes('abs-send-time')),
  };
  const consumers: types.Consumer[] = [];
  const startLayers: number[] = [];
  const rows: (string | number)[][] = [];
  for (const target of STEPS) {
    const adding = target - consumers.length;
    const pliBefore = sender.pli + sender.fir;
    // Spread the new sockets over the receiver processes.
    for (let r = 0; r < RECEIVER_PROCESSES; r++) {
      const share = Math.floor(adding / RECEIVER_PROCESSES) + (r < adding % RECEIVER_PROCESSES ? 1 : 0);
      const { ports } = await ask<{ ports: number[] }>(receivers[r]!, `open ${share}`);
      for (const port of ports) {
        const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
        await transport.connect({ ip: '127.0.0.1', port });
        const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: receiverCapabilities, paused: false, preferredLayers: INITIAL_PREFERRED_LAYERS });
        consumer.once('layerschange', (layers) => layers && startLayers.push(layers.spatialLayer));
        consumers.push(consumer);
      }
    }
    await sleep(1500);
    const joinRequests = sender.pli + sender.fir - pliBefore;
    // The load case: everyone on the 720p layer.
    await Promise.all(consumers.map((c) => c.setPreferredLayers({ spatialLayer: SIMULCAST_LAYERS.length - 1 })));
    await sleep(2500);
    const onTop = consumers.filter((c) => c.currentLayers?.spatialLayer === SIMULCAST_LAYERS.length - 1).length;

    await Promise.all(receivers.map((r) => ask(r, 'reset')));
    const dropsBefore = kernelUdpDrops();
    const ingressLostBefore = await topLayerLost(producer);
    const cpuBefore = processUsage(worker.pid).cpuSeconds;
    const requestsBefore = sender.pli + sender.fir;
    const started = performance.now();
    await sleep(SECONDS * 1000);
    const seconds = (performance.now() - started) / 1000;
    const cpu = (processUsage(worker.pid).cpuSeconds - cpuBefore) / seconds;
    const requests = sender.pli + sender.fir - requestsBefore;
    const drops = kernelUdpDrops() - dropsBefore;
    const ingressLost = (await topLayerLost(producer)) - ingressLostBefore;
    const reports = await Promise.all(receivers.map((r) => ask<ReceiverReport>(r, 'report')));
    // mediasoup picks a lower layer for a consumer when the host's stream suffers (loss at the worker's door).
    const stillOnTop = consumers.filter((c) => c.currentLayers?.spatialLayer === SIMULCAST_LAYERS.length - 1).length;
    const got = reports.reduce((a, r) => ({ packets: a.packets + r.packets, bytes: a.bytes + r.bytes, lost: a.lost + r.lost, silent: a.silent + r.silent }), { packets: 0, bytes: 0, lost: 0, silent: 0 });
    // Each receiver counted over its own clock: under load it answers late.
    const packetsPerSecond = reports.reduce((sum, r) => sum + r.packets / r.seconds, 0);
    const bitsPerSecond = reports.reduce((sum, r) => sum + (r.bytes * 8) / r.seconds, 0);
    // A packet lost on its way in is missing for every consumer; the rest was lost
    // between the worker and the receivers.
    const expected = Math.max(1, got.packets + got.lost);
    const forwardingLost = Math.max(0, got.lost - ingressLost * consumers.length);
    rows.push([
      consumers.length,
      `${onTop} → ${stillOnTop}`,
      Math.round(packetsPerSecond),
      (bitsPerSecond / 1e6).toFixed(0),
      ingressLost,
      ((100 * forwardingLost) / expected).toFixed(2),
      drops,
      got.silent,
      Math.round(cpu * 100),
      ((cpu * 1000) / consumers.length).toFixed(2),
      joinRequests,
      (requests / seconds).toFixed(1),
    ]);
    console.log(rows.at(-1)!.join('\t'));
    if (cpu > 0.97) break; // the worker is saturated: larger C only measures queueing
  }

  const lowStart = startLayers.filter((l) => l === 0).length;
  const body = [
    `Host stream: VP8 simulcast ${SIMULCAST_LAYERS.map((l) => `${l.width}×${l.height}@${l.kbps} kbit/s`).join(', ')}, ${SECONDS} s per step; consumers forced to the top layer for the load figures.`,
    '',
    table(
      ['consumers', 'on 720p (start → end)', 'pkts/s received', 'Mbit/s received', 'packets lost host → worker', 'loss worker → consumers %', 'kernel UDP drops (all sockets)', 'silent consumers', 'worker CPU %', 'CPU ms/s per consumer', 'key frame requests during join', 'key frame requests/s at host'],
      rows,
    ),
    '',
    `New consumers' first layer: ${lowStart} of ${startLayers.length} started on spatial layer 0.`,
  ].join('\n');
  record('Media fan-out (one worker)', `npm run bench:media (BENCH_CONSUMERS=${STEPS.join(',')})`, body);

  senderProc.child.kill('SIGTERM');
  for (const r of receivers) r.child.stdin!.end();
  worker.close();
}

await main();
process.exit(0);
