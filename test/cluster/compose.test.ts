import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBalancerConfig, BALANCER_TEMPLATE } from '../../deploy/local/balancer';
import { loadEnv } from '../../server/env';

// docker-compose.yml cannot run on these machines (no Docker): these checks keep it
// in step with what the app reads and with the template the tests do run.
const root = path.resolve(import.meta.dirname, '../..');
const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');

/** The variables the app nodes get: the shared block and each node's own `environment`. */
function appVariables(): Map<string, string> {
  const variables = new Map<string, string>();
  // Cut at every top-level key and every service, keep the shared block and the app services.
  const blocks = compose.split(/^(?=[^\s#]|  [a-z][\w-]*:\s*$)/m).filter((block) => /^(x-app-env:|  app-)/.test(block));
  for (const block of blocks)
    for (const [, name, value] of block.matchAll(/^ {2,6}([A-Z][A-Z0-9_]+): (.+)$/gm)) variables.set(name!, value!.replace(/^'|'$/g, ''));
  return variables;
}

describe('docker-compose.yml', () => {
  it('gives the app nodes only variables the app reads, and a configuration it accepts', () => {
    const variables = appVariables();
    expect(variables.size).toBeGreaterThan(10);
    const envSource = readFileSync(path.join(root, 'server/env.ts'), 'utf8');
    const unknown = [...variables.keys()].filter((name) => !new RegExp(`^  ${name}: z`, 'm').test(envSource));
    expect(unknown).toEqual([]);
    // With the placeholders filled as an operator would, loadEnv accepts it (no cross-field rule broken).
    const filled = Object.fromEntries(
      [...variables].map(([name, value]) => [
        name,
        value
          .replace(/\$\{PUBLIC_URL:\?[^}]*\}/, 'https://shop.example.com')
          .replace(/\$\{(AUTH_SECRET|CLUSTER_SECRET|SECRETS_KEY):\?[^}]*\}/, 'x'.repeat(44))
          .replace(/\$\{POSTGRES_PASSWORD:\?[^}]*\}/, 'secret')
          .replace(/\$\{MEDIA_ANNOUNCED_IP:\?[^}]*\}/, '203.0.113.10'),
      ]),
    );
    expect(() => loadEnv({ ...filled, DATA_DIR: '/tmp/unused' })).not.toThrow();
  });

  it('renders the balancer template the tests run, with the compose services as nodes', () => {
    expect(compose).toContain('./deploy/nginx/live-commerce.conf.template:/etc/nginx/templates/default.conf.template');
    const upstreams = /LC_UPSTREAM_SERVERS: '([^']+)'/.exec(compose)?.[1];
    expect(upstreams).toBe('server app-a:3000; server app-b:3000;');
    const rendered = renderBalancerConfig(readFileSync(BALANCER_TEMPLATE, 'utf8'), {
      listenPort: 80,
      nodes: [
        { host: 'app-a', port: 3000 },
        { host: 'app-b', port: 3000 },
      ],
    });
    expect(rendered).not.toMatch(/\$\{LC_/);
    expect(rendered).toContain(upstreams);
  });
});
