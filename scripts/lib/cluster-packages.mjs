// What the local cluster runs besides Node (`npm run cluster`, its tests and benchmarks):
// Debian's Redis and nginx, started as child processes, never as system services.
export const CLUSTER_DEBIAN_PACKAGES = ['redis-server', 'nginx'];
