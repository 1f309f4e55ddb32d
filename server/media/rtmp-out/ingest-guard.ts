import dns from 'node:dns/promises';
import { isPrivateAddress } from '../../webhooks/target';

// Hosts choose ingest URLs, so a destination must not become a way to make this server open
// connections into its own network (SSRF): in a deployment every address the ingest's host
// resolves to must be public (SIMULCAST_ALLOW_PRIVATE_TARGETS=true lifts it, e.g. for an
// nginx-rtmp relay on the LAN). ffmpeg resolves the name again when it connects; a DNS answer
// that changes in between is not caught (documented in docs/simulcast.md).

export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) => (await dns.lookup(hostname, { all: true })).map((a) => a.address);

/** Why the push must not connect to this URL's host, or null when it may. */
export async function privateIngestRefusal(publishUrl: string, resolve: Resolve = systemResolve): Promise<string | null> {
  const hostname = new URL(publishUrl).hostname.replace(/^\[|\]$/g, '');
  const addresses = await resolve(hostname);
  const refused = addresses.find(isPrivateAddress);
  return refused ? `the ingest ${hostname} is at a private address (${refused}); refused (SIMULCAST_ALLOW_PRIVATE_TARGETS)` : null;
}
