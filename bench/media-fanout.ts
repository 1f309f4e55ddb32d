// Media fan-out: one simulcast VP8 host stream (a real libvpx-encoded clip, three
// layers) into one mediasoup worker, and C plain-RTP consumers on the top layer
// feeding counting receivers in other processes. For each C: what the worker sent,
// what arrived, packets lost, the worker's CPU and CPU per consumer, and the key
// frame requests that reached the host. New consumers are created as the app
// creates them (starting on layer 0), so the run also shows where they start.
// Both ends answer RTCP as browsers do: the receivers send receiver reports, NACKs
// for gaps and PLIs when a gap stays unrepaired (rtp-receiver.ts), and the sender
// resends what mediasoup NACKs (rtp-sender.ts); so loss is counted after
// retransmission, and key frame requests can come from loss as well as from joins.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { INITIAL_PREFERRED_LAYERS, KEY_FRAME_REQUEST_DELAY_MS } from '../server/media/consumer-layers';
import { MEDIA_CODECS } from '../server/media/config';
import { processUsage, record, table } from './support/harness';
import { emitResult } from './support/results';
import { simulcastClip, SIMULCAST_LAYERS } from './support/test-clip';

// BENCH_MEDIA_PIPE=1 (bench/media-pipe.ts): the host's stream enters an origin router on one worker and
// is piped (pipeToRouter) to an edge router on a second worker, as the app spreads one show over a node's
// workers; consumers alternate between the two routers. Both workers share the machine's cores with the
// sender and the receivers.
const PIPE = process.env.BENCH_MEDIA_PIPE === '1';
const STEPS = (process.env.BENCH_CONSUMERS ?? (PIPE ? '250,500,1000,1500' : '100,250,500,750,1000')).split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RECEIVER_PROCESSES = 2;
const SSRCS = [111_111, 222_222, 333_333];
const here = import.meta.dirname;

interface LineProcess {
  child: ChildProcess;
  lines: Interface;
}

function startNode(script: string, args: string[]): LineProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'support', script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
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
  expected: number;
  nacked: number;
  recovered: number;
  plis: number;
  silent: number;
  seconds: number;
}

/** UDP datagrams the kernel dropped because a receiving socket's buffer was full. */
function kernelUdpDrops(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('Udp:'));
  const names = lines[0]!.split(/\s+/);
  const values = lines[1]!.split(/\s+/);
  return Number(values[names.indexOf('RcvbufErrors')]);
}

/** Packets of the 720p stream the worker received and never received (after the sender's retransmissions), so far. */
async function topLayerIngress(producer: types.Producer): Promise<{ packets: number; lost: number }> {
  const stats = (await producer.getStats()).find((s) => s.ssrc === SSRCS.at(-1));
  return { packets: stats?.packetCount ?? 0, lost: stats?.packetsLost ?? 0 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU (cores) each worker spends over `ms`. */
async function cpuOver(workers: types.Worker[], ms: number): Promise<number[]> {
  const before = workers.map((w) => processUsage(w.pid).cpuSeconds);
  const started = performance.now();
  await sleep(ms);
  const seconds = (performance.now() - started) / 1000;
  return workers.map((w, i) => (processUsage(w.pid).cpuSeconds - before[i]!) / seconds);
}

async function main() {
  const clip = await simulcastClip();
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const ingress = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const producer = await ingress.produce({
    kind: 'video',
    keyFrameRequestDelay: KEY_FRAME_REQUEST_DELAY_MS,
    rtpParameters: {
      codecs: [
        {
          mimeType: 'video/VP8',
          payloadType: 96,
          clockRate: 90000,
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
        },
      ],
      encodings: SSRCS.map((ssrc) => ({ ssrc, scalabilityMode: 'L1T1' })),
    },
  });
  let sender = { packets: 0, bytes: 0, pli: 0, fir: 0, nacked: 0, resent: 0 };
  const senderProc = startNode('rtp-sender.ts', [String(ingress.tuple.localPort), SSRCS.join(','), ...clip]);
  senderProc.lines.on('line', (line) => (sender = JSON.parse(line) as typeof sender));
  const receivers = Array.from({ length: RECEIVER_PROCESSES }, () => startNode('rtp-receiver.ts', []));
  await sleep(2000);
  // The pipe's own cost, before any consumer: the origin worker without and with the pipe, and the edge worker fed by it.
  let edge: { worker: types.Worker; router: types.Router } | undefined;
  let pipeCost: { originAlone: number; originWithPipe: number; edgeWithPipe: number } | undefined;
  if (PIPE) {
    const [originAlone] = await cpuOver([worker], 5000);
    const edgeWorker = await mediasoup.createWorker({ logLevel: 'warn' });
    edge = { worker: edgeWorker, router: await edgeWorker.createRouter({ mediaCodecs: MEDIA_CODECS }) };
    await router.pipeToRouter({ producerId: producer.id, router: edge.router });
    await sleep(1000);
    const [originWithPipe, edgeWithPipe] = await cpuOver([worker, edgeWorker], 5000);
    pipeCost = { originAlone: originAlone!, originWithPipe: originWithPipe!, edgeWithPipe: edgeWithPipe! };
    console.log('pipe cost', pipeCost);
  }

  // A plain RTP receiver sends no congestion feedback: offering transport-cc or REMB
  // would start mediasoup's bandwidth estimator, which, never hearing back, walks
  // every consumer down to the lowest layer.
  const receiverCapabilities: types.RtpCapabilities = {
    codecs: router.rtpCapabilities.codecs!.map((c) => ({
      ...c,
      rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb'),
    })),
    headerExtensions: (router.rtpCapabilities.headerExtensions ?? []).filter(
      (h) => !h.uri.includes('transport-wide-cc') && !h.uri.includes('abs-send-time'),
    ),
  };
  const consumers: types.Consumer[] = [];
  const startLayers: number[] = [];
  const rows: (string | number)[][] = [];
  const steps: {
    consumers: number;
    endToEnd: number;
    ingressPercent: number;
    cpu: number;
    edgeCpu: number;
    joinRequests: number;
    requestsPerSecond: number;
    silent: number;
  }[] = [];
  for (const target of STEPS) {
    const adding = target - consumers.length;
    const pliBefore = sender.pli + sender.fir;
    // Spread the new sockets over the receiver processes.
    for (let r = 0; r < RECEIVER_PROCESSES; r++) {
      const share = Math.floor(adding / RECEIVER_PROCESSES) + (r < adding % RECEIVER_PROCESSES ? 1 : 0);
      const { ports } = await ask<{ ports: number[] }>(receivers[r]!, `open ${share}`);
      const peers: [number, number, number, number][] = [];
      const added: types.Consumer[] = [];
      for (const port of ports) {
        // With the pipe, every other consumer is on the edge router (same producer id: pipeToRouter keeps it).
        const onEdge = edge && (consumers.length + added.length) % 2 === 1;
        const target = onEdge ? edge!.router : router;
        // rtcpMux without comedia: the worker sends to, and takes RTCP only from, the receiver's socket.
        const transport = await target.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
        await transport.connect({ ip: '127.0.0.1', port });
        const consumer = await transport.consume({
          producerId: producer.id,
          rtpCapabilities: receiverCapabilities,
          paused: true,
          preferredLayers: INITIAL_PREFERRED_LAYERS,
        });
        consumer.once('layerschange', (layers) => layers && startLayers.push(layers.spatialLayer));
        const encoding = consumer.rtpParameters.encodings![0]!;
        peers.push([port, transport.tuple.localPort, encoding.ssrc!, encoding.rtx?.ssrc ?? 0]);
        added.push(consumer);
      }
      // The receivers learn their stream and where to send RTCP before the media starts.
      await ask(receivers[r]!, `connect ${JSON.stringify(peers)}`);
      await Promise.all(added.map((c) => c.resume()));
      consumers.push(...added);
    }
    await sleep(1500);
    const joinRequests = sender.pli + sender.fir - pliBefore;
    // The load case: everyone on the 720p layer.
    await Promise.all(consumers.map((c) => c.setPreferredLayers({ spatialLayer: SIMULCAST_LAYERS.length - 1 })));
    await sleep(2500);
    const onTop = consumers.filter((c) => c.currentLayers?.spatialLayer === SIMULCAST_LAYERS.length - 1).length;

    await Promise.all(receivers.map((r) => ask(r, 'reset')));
    const dropsBefore = kernelUdpDrops();
    const ingressBefore = await topLayerIngress(producer);
    const cpuBefore = processUsage(worker.pid).cpuSeconds;
    const edgeCpuBefore = edge ? processUsage(edge.worker.pid).cpuSeconds : 0;
    const requestsBefore = sender.pli + sender.fir;
    const resentBefore = sender.resent;
    const started = performance.now();
    await sleep(SECONDS * 1000);
    const seconds = (performance.now() - started) / 1000;
    const cpu = (processUsage(worker.pid).cpuSeconds - cpuBefore) / seconds;
    const edgeCpu = edge ? (processUsage(edge.worker.pid).cpuSeconds - edgeCpuBefore) / seconds : 0;
    const requests = sender.pli + sender.fir - requestsBefore;
    const drops = kernelUdpDrops() - dropsBefore;
    const ingressAfter = await topLayerIngress(producer);
    const ingressLost = ingressAfter.lost - ingressBefore.lost;
    const ingressPackets = ingressAfter.packets - ingressBefore.packets;
    const reports = await Promise.all(receivers.map((r) => ask<ReceiverReport>(r, 'report')));
    // mediasoup picks a lower layer for a consumer when the host's stream suffers (loss at the worker's door).
    // Proof that the worker hears the receivers: a round-trip time needs their receiver
    // reports (and a sender report they answer, so a consumer younger than one SR has none).
    const sample = consumers.filter((_, i) => i % Math.ceil(consumers.length / 20) === 0);
    const outbound = (await Promise.all(sample.map((c) => c.getStats()))).map((stats) => stats.find((st) => st.type === 'outbound-rtp'));
    const withReports = outbound.filter((st) => (st?.roundTripTime ?? 0) > 0).length;
    const nacksAtWorker = outbound.reduce((sum, st) => sum + (st?.nackCount ?? 0), 0);
    const stillOnTop = consumers.filter((c) => c.currentLayers?.spatialLayer === SIMULCAST_LAYERS.length - 1).length;
    const got = reports.reduce(
      (a, r) => ({
        packets: a.packets + r.packets,
        lost: a.lost + r.lost,
        expected: a.expected + r.expected,
        nacked: a.nacked + r.nacked,
        recovered: a.recovered + r.recovered,
        plis: a.plis + r.plis,
        silent: a.silent + r.silent,
      }),
      { packets: 0, lost: 0, expected: 0, nacked: 0, recovered: 0, plis: 0, silent: 0 },
    );
    // Each receiver counted over its own clock: under load it answers late.
    const packetsPerSecond = reports.reduce((sum, r) => sum + r.packets / r.seconds, 0);
    const bitsPerSecond = reports.reduce((sum, r) => sum + (r.bytes * 8) / r.seconds, 0);
    // End to end: what the viewers never got, retransmissions included; a packet
    // the worker never received is missing for every consumer, so it is in here too.
    const endToEnd = (100 * got.lost) / Math.max(1, got.expected);
    const ingressPercent = (100 * Math.max(0, ingressLost)) / Math.max(1, ingressPackets + Math.max(0, ingressLost));
    const step = {
      consumers: consumers.length,
      endToEnd,
      ingressPercent,
      cpu,
      edgeCpu,
      joinRequests,
      requestsPerSecond: requests / seconds,
      silent: got.silent,
    };
    steps.push(step);
    rows.push([
      consumers.length,
      `${onTop} → ${stillOnTop}`,
      Math.round(packetsPerSecond),
      (bitsPerSecond / 1e6).toFixed(0),
      endToEnd.toFixed(2),
      ingressPercent.toFixed(2),
      ((100 * got.nacked) / Math.max(1, got.expected)).toFixed(2),
      got.recovered,
      sender.resent - resentBefore,
      drops,
      got.silent,
      edge ? `${Math.round(cpu * 100)} / ${Math.round(edgeCpu * 100)}` : Math.round(cpu * 100),
      (((cpu + edgeCpu) * 1000) / consumers.length).toFixed(2),
      `${withReports} / ${sample.length}`,
      nacksAtWorker,
      got.plis,
      joinRequests,
      (requests / seconds).toFixed(1),
    ]);
    console.log(rows.at(-1)!.join('\t'));
    if (Math.max(cpu, edgeCpu) > 0.97) break; // a worker is saturated: larger C only measures queueing
  }

  const lowStart = startLayers.filter((l) => l === 0).length;
  const body = [
    `Host stream: VP8 simulcast ${SIMULCAST_LAYERS.map((l) => `${l.width}×${l.height}@${l.kbps} kbit/s`).join(', ')}, ${SECONDS} s per step; consumers forced to the top layer for the load figures.`,
    '',
    table(
      [
        'consumers',
        'on 720p (start → end)',
        'pkts/s received',
        'Mbit/s received',
        'loss end to end %',
        'of it lost host → worker %',
        'NACKed by receivers %',
        'repaired at receivers',
        'resent by host',
        'kernel UDP drops (all sockets)',
        'silent consumers',
        edge ? 'worker CPU % (origin / edge)' : 'worker CPU %',
        'CPU ms/s per consumer',
        'sampled consumers with a round-trip time from their receiver reports (on loopback it can round to 0)',
        'NACKs at worker (sampled, since join)',
        'PLIs from receivers',
        'key frame requests at host during join',
        'key frame requests/s at host (steady)',
      ],
      rows,
    ),
    '',
    ...(pipeCost
      ? [
          `Two workers: the host's stream enters the origin router, pipeToRouter feeds the edge router on the second worker, consumers alternate between them (half on each). The pipe alone, before any consumer: origin worker ${(pipeCost.originAlone * 100).toFixed(1)} % CPU without it, ${(pipeCost.originWithPipe * 100).toFixed(1)} % with it; the edge worker receiving it ${(pipeCost.edgeWithPipe * 100).toFixed(1)} %. CPU ms/s per consumer is both workers' CPU over all consumers. The workers, the sender and the receivers share the same cores.`,
          '',
        ]
      : []),
    `Loss end to end: packets the receivers never got (after NACK and retransmission), of those they should have got; it includes what the worker itself never received from the host (next column, % of the 720p stream at the worker's door). New consumers' first layer: ${lowStart} of ${startLayers.length} started on spatial layer 0.`,
  ].join('\n');
  const where = record(
    PIPE ? 'Media fan-out across two workers through a pipe' : 'Media fan-out (one worker)',
    `npm run bench:${PIPE ? 'media-pipe' : 'media'} (BENCH_CONSUMERS=${STEPS.join(',')}, BENCH_SECONDS=${SECONDS})`,
    body,
  );
  emitResult({
    benchmark: PIPE ? 'media-pipe' : 'media-fanout',
    ...where,
    figures: [
      ...steps.flatMap((s) => {
        const params = { consumers: s.consumers };
        return [
          { name: 'loss end to end', value: s.endToEnd, unit: '%', params },
          { name: 'loss host → worker', value: s.ingressPercent, unit: '%', params },
          { name: 'worker CPU', value: s.cpu * 100, unit: '%', params },
          ...(edge ? [{ name: 'edge worker CPU', value: s.edgeCpu * 100, unit: '%', params }] : []),
          { name: 'key frame requests/s at host (steady)', value: s.requestsPerSecond, unit: '/s', params },
          { name: 'silent consumers', value: s.silent, unit: 'consumers', params },
        ];
      }),
      { name: 'new consumers not starting on layer 0', value: startLayers.length - lowStart, unit: 'consumers' },
      ...(pipeCost
        ? [
            { name: 'pipe cost at origin worker', value: (pipeCost.originWithPipe - pipeCost.originAlone) * 100, unit: '% CPU' },
            { name: 'pipe cost at edge worker', value: pipeCost.edgeWithPipe * 100, unit: '% CPU' },
          ]
        : []),
    ],
  });

  senderProc.child.kill('SIGTERM');
  for (const r of receivers) r.child.stdin!.end();
  worker.close();
  edge?.worker.close();
}

await main();
process.exit(0);
