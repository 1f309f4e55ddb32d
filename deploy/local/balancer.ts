// nginx from Debian in front of app nodes on this machine, run as a child process
// with everything under its own directory: no system service, nothing in /etc.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prefixLines, stopChild, waitForPort } from './process';

export const BALANCER_TEMPLATE = path.resolve(import.meta.dirname, '../nginx/live-commerce.conf.template');
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/** An app node as the balancer reaches it; `down` keeps it in the file but sends it nothing. */
export interface BalancerNode {
  host: string;
  port: number;
  down?: boolean;
}

/** The shipped template with its two placeholders filled in, exactly as the nginx image's envsubst would. */
export function renderBalancerConfig(template: string, { listenPort, nodes }: { listenPort: number; nodes: BalancerNode[] }): string {
  if (nodes.length === 0) throw new Error('the balancer needs at least one node');
  const servers = nodes.map((node) => `server ${node.host}:${node.port}${node.down ? ' down' : ''};`).join(' ');
  return template.replaceAll('${LC_LISTEN_PORT}', String(listenPort)).replaceAll('${LC_UPSTREAM_SERVERS}', servers);
}

/**
 * The main file around the site: in the foreground, logs and temporary files in
 * `dir`. nginx's own default paths (/var/log/nginx, /var/lib/nginx) belong to the
 * system's nginx and may not be writable.
 */
function mainConfig(dir: string): string {
  const temp = (name: string) => path.join(dir, 'temp', name);
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${path.join(dir, 'live-commerce.conf')};
}
`;
}

export function nginxBinary(): string {
  const found = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('nginx is not installed: `npm run cluster` installs it (apt-get install nginx)');
  return found;
}

export interface RunningBalancer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startBalancer({
  dir,
  port,
  nodes,
  output = (line) => process.stderr.write(`${line}\n`),
}: {
  dir: string;
  port: number;
  nodes: BalancerNode[];
  output?: (line: string) => void;
}): Promise<RunningBalancer> {
  const template = readFileSync(BALANCER_TEMPLATE, 'utf8');
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  // As root, nginx's workers run as `nobody`: they must be able to enter and use the temp directories.
  chmodSync(dir, 0o755);
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(dir, 'temp', name), { recursive: true });
    chmodSync(path.join(dir, 'temp', name), 0o777);
  }
  const site = path.join(dir, 'live-commerce.conf');
  const main = path.join(dir, 'nginx.conf');
  writeFileSync(site, renderBalancerConfig(template, { listenPort: port, nodes }));
  writeFileSync(main, mainConfig(dir));
  // -e: nginx opens its compiled-in error log before reading the configuration.
  const child: ChildProcess = spawn(nginxBinary(), ['-p', dir, '-e', 'stderr', '-c', main], { stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(child, output);
  await waitForPort(port, child, 'nginx');
  return {
    url: `http://localhost:${port}`,
    port,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}
