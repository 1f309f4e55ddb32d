// `npm run cluster` (after scripts/cluster.mjs has installed what is missing): the
// local cluster until Ctrl-C. Ports from the environment so it fits beside other things.
import path from 'node:path';
import { z } from 'zod';
import { startCluster } from './cluster';

const port = z.coerce.number().int().min(0).max(65535);
const settings = z
  .object({
    PORT: port.default(3000),
    // Left out: free ones.
    CLUSTER_NODE_PORTS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be ports separated by commas, like 3001,3002')
      .optional(),
    EMBEDDED_PG_PORT: port.optional(),
    REDIS_PORT: port.optional(),
    CLUSTER_NODES: z.coerce.number().int().min(1).max(8).default(2),
    DATA_DIR: z.string().min(1).default(path.resolve('.data/cluster')),
    // Each node gets its own slice of the RTC range: node i from RTC_MIN_PORT + i × 1000.
    RTC_MIN_PORT: port.default(40000),
  })
  .safeParse(process.env);
if (!settings.success) {
  console.error(
    `Invalid configuration:\n${settings.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
  );
  process.exit(1);
}
const config = settings.data;
const nodePorts = config.CLUSTER_NODE_PORTS?.split(',').map(Number);

const colors = ['\u001b[35m', '\u001b[33m', '\u001b[34m', '\u001b[32m'];
const paint = (source: string, text: string) => {
  const index = ['node-a', 'node-b', 'node-c', 'node-d'].indexOf(source);
  return process.stdout.isTTY && index >= 0 ? `${colors[index]}${text}\u001b[0m` : text;
};

console.log('starting the cluster: PostgreSQL, Redis, the app nodes and nginx…');
const cluster = await startCluster({
  dir: config.DATA_DIR,
  balancerPort: config.PORT,
  nodeCount: config.CLUSTER_NODES,
  nodePorts,
  postgresPort: config.EMBEDDED_PG_PORT,
  redisPort: config.REDIS_PORT,
  reservedPorts: [config.RTC_MIN_PORT, config.RTC_MIN_PORT + config.CLUSTER_NODES * 1000 - 1],
  // Warnings and errors only: a person watches the summary below, the nodes' lines say what went wrong.
  env: { LOG_LEVEL: 'warn', ...process.env },
  nodeEnv: (index) => {
    const min = config.RTC_MIN_PORT + index * 1000;
    return { RTC_MIN_PORT: String(min), RTC_MAX_PORT: String(min + 999), WEBRTC_PORT: String(min) };
  },
  output: (source, line) => {
    // PostgreSQL and the migration runner narrate every step; a person needs only their trouble.
    if ((source === 'postgres' || source === 'migrate') && !/ERROR|FATAL|PANIC/.test(line)) return;
    console.log(paint(source, `[${source}] ${line}`));
  },
}).catch((error: unknown) => {
  console.error(`the cluster could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`
Live Commerce cluster is up: open ${cluster.url}
  nginx (balancer)  ${cluster.url}  WebSocket upgrade, no sticky sessions
${cluster.nodes.map((node) => `  ${node.id.padEnd(16)}  ${node.url}  pid ${node.pid}`).join('\n')}
  Redis             ${cluster.redisUrl}
  PostgreSQL        ${cluster.databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  data              ${config.DATA_DIR}
Demo accounts: host@demo.live, viewer@demo.live (password demo-password).
Stop everything with Ctrl-C. docs/scaling.md says what each part holds.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the cluster…');
    cluster.terminate();
    void cluster.stop().then(() => process.exit(0));
  });
// A node that dies is not restarted here (a process manager's job in a deployment): say so and keep the rest running.
for (const node of cluster.nodes)
  node.process.once('exit', (code, signal) => {
    if (!stopping) console.error(`${node.id} stopped (${signal ?? `exit ${code}`}); the balancer sends its visitors to the other nodes`);
  });
