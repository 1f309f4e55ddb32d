import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { currentServer } from './current-server';

/** A process's mediasoup workers (its children running the worker binary); by default the e2e server's. */
export function mediasoupWorkerPids(serverPid = Number(readFileSync(currentServer().serverPidFile, 'utf8'))): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm is cut to 15 characters.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === serverPid && comm.startsWith('mediasoup-work')) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/**
 * Which of these processes has a socket on this local port: each worker serves
 * all its WebRTC transports on one port (its WebRtcServer), so a browser's
 * remote ICE port names the worker carrying it.
 */
export function pidListeningOn(port: number, pids: number[]): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/udp', '/proc/net/udp6', '/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length > 9 && parseInt(columns[1]!.split(':')[1]!, 16) === port) inodes.add(columns[9]!);
    }
  }
  for (const pid of pids) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (socket && inodes.has(socket[1]!)) return pid;
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return undefined;
}
