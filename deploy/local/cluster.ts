// Several app nodes on one machine, the way a deployment runs them on several:
// one PostgreSQL, one Redis, the nodes, and nginx in front (docs/scaling.md).
// Used by `npm run cluster`, the cluster e2e and the two-node benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../../server/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../server/db/embedded';
import { applyMigrations } from '../../server/db/migrate';
import { seedDemoData } from '../../server/db/seed';
import { loadEnv } from '../../server/env';
import { startBalancer, type BalancerNode, type RunningBalancer } from './balancer';
import { freePortOutside, prefixLines, stopChild } from './process';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface ClusterNode {
  id: string;
  port: number;
  /** The node itself, bypassing the balancer. */
  url: string;
  pid: number;
  process: ChildProcess;
}

export interface ClusterOptions {
  /** Everything the cluster keeps: postgres/, redis/, balancer/ and the nodes' shared data/ (uploads). */
  dir: string;
  balancerPort: number;
  nodeCount?: number;
  /** Free ones when left out. */
  nodePorts?: number[];
  postgresPort?: number;
  redisPort?: number;
  postgresFlags?: string[];
  /** Ports the nodes' media will bind (their RTC ranges): ports picked for the rest stay out of it. */
  reservedPorts?: [number, number];
  /** Added to every node's environment (MEDIASOUP_WORKER_BIN, LOG_LEVEL, WEBRTC_PORT…). */
  env?: Record<string, string | undefined>;
  /** A node's own additions, after `env`. */
  nodeEnv?: (index: number) => Record<string, string>;
  /** Which nodes the balancer sends to (default all); the e2e holds one back to pin its viewer. */
  balance?: (nodes: ClusterNode[]) => BalancerNode[];
  seed?: boolean;
  output?: (source: string, line: string) => void;
}

export interface RunningCluster {
  /** The balancer: the address people use. */
  url: string;
  databaseUrl: string;
  redisUrl: string;
  nodes: ClusterNode[];
  balancer: RunningBalancer;
  stop(): Promise<void>;
  /**
   * SIGTERM to every process at once, without waiting. For a caller that may exit before stop() is done:
   * on SIGINT and SIGTERM embedded PostgreSQL's exit hook stops its server and then ends the process, which
   * would leave Redis, nginx or a node running after a plain `kill`.
   */
  terminate(): void;
}

export const nodeId = (index: number) => `node-${String.fromCharCode(97 + index)}`;

async function healthy(url: string, child: ChildProcess, id: string, timeoutMs = 180_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${id} stopped while starting (see its output above)`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${id} was not healthy within ${timeoutMs / 1000} s`);
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { dir, balancerPort, nodeCount = 2, output = (source, line) => process.stderr.write(`[${source}] ${line}\n`) } = options;
  const stops: (() => Promise<void>)[] = [];
  const freePort = () => freePortOutside(options.reservedPorts ?? [40000, 49999]);
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error: unknown) => output('cluster', `while stopping: ${String(error)}`));
    stops.length = 0;
  };
  try {
    mkdirSync(dir, { recursive: true });
    // As root, PostgreSQL and nginx's workers run as other users that must be able to enter it.
    chmodSync(dir, 0o755);
    const dataDir = path.join(dir, 'data');

    const postgres: EmbeddedPostgresHandle = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: options.postgresPort ?? (await freePort()),
      postgresFlags: options.postgresFlags,
      log: (line) => output('postgres', line),
    });
    stops.push(() => postgres.stop());
    // Once, before any node starts: two nodes migrating or seeding at the same moment would only wait for each other.
    await applyMigrations(postgres.url, { log: (line) => output('migrate', line) });
    if (options.seed ?? true) {
      const db = createPrismaClient(postgres.url);
      try {
        await seedDemoData(db);
      } finally {
        await db.$disconnect();
      }
    }

    const redisDir = path.join(dir, 'redis');
    mkdirSync(redisDir, { recursive: true });
    const redis: RunningRedis = await startRedis({
      dir: redisDir,
      port: options.redisPort ?? (await freePort()),
      log: (line) => output('redis', line),
    });
    stops.push(() => redis.stop());

    const publicUrl = `http://localhost:${balancerPort}`;
    // Every node signs and reads the same session cookies; the file survives restarts like a single node's.
    const authSecret = options.env?.AUTH_SECRET ?? loadEnv({ DATA_DIR: dataDir, PUBLIC_URL: publicUrl }).AUTH_SECRET;
    // Nodes prove to each other that a media pipe request comes from the cluster; a new one each run is enough locally.
    const clusterSecret = options.env?.CLUSTER_SECRET ?? randomBytes(32).toString('base64url');
    const nodes: ClusterNode[] = [];
    for (let index = 0; index < nodeCount; index++) {
      const id = nodeId(index);
      const port = options.nodePorts?.[index] ?? (await freePort());
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/index.ts')], {
        cwd: projectRoot,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_FORMAT: 'json',
          ...options.env,
          PUBLIC_URL: publicUrl,
          AUTH_SECRET: authSecret,
          CLUSTER_SECRET: clusterSecret,
          // Where the other nodes ask this one for a show's media (server/media/cluster).
          MEDIA_INTERNAL_URL: `http://127.0.0.1:${port}`,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          DATA_DIR: dataDir,
          // Behind nginx: a client's address is the last X-Forwarded-For entry, the one nginx appended.
          TRUST_PROXY: 'true',
          // Seeded above, once.
          SEED_DEMO_DATA: 'false',
          ...options.nodeEnv?.(index),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      prefixLines(child, (line) => output(id, line));
      stops.push(() => stopChild(child));
      nodes.push({ id, port, url: `http://localhost:${port}`, pid: child.pid!, process: child });
    }
    await Promise.all(nodes.map((node) => healthy(node.url, node.process, node.id)));

    const balancer = await startBalancer({
      dir: path.join(dir, 'balancer'),
      port: balancerPort,
      nodes: options.balance?.(nodes) ?? nodes.map((node) => ({ host: '127.0.0.1', port: node.port })),
      output: (line) => output('nginx', line),
    });
    stops.push(() => balancer.stop());
    const terminate = () => {
      for (const pid of [balancer.pid, ...nodes.map((node) => node.pid), redis.pid])
        try {
          if (pid) process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
    };
    return { url: balancer.url, databaseUrl: postgres.url, redisUrl: redis.url, nodes, balancer, stop, terminate };
  } catch (error) {
    await stop();
    throw error;
  }
}
