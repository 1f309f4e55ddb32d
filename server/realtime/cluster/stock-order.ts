import type { StockFloor } from '../purchase-feed';
import type { RelayClaims } from '../stock-relay';
import type { ClusterLink } from './link';

// Long enough to cover two nodes' batches of one storm (at most 2 s apart), short enough
// that a unit given back without an outbox event (a declined card) shows soon.
const FLOOR_MS = 5_000;
const CLAIM_MS = 10 * 60 * 1000;
const floorKey = (variantId: string) => `live-commerce:stock-floor:${variantId}`;

const LOWEST = `
local known = tonumber(redis.call('GET', KEYS[1]))
local stock = tonumber(ARGV[1])
if known ~= nil and known < stock then return known end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return stock`;

/**
 * Two nodes batch the purchases they took, so node A's batch saying 10 left can
 * reach viewers after node B's saying 8. Sales only lower stock: the lowest figure
 * of the last few seconds wins, and a restock (the outbox relay) replaces it.
 */
export function redisStockFloor(link: ClusterLink): StockFloor {
  return {
    lowest: async (variantId, stock) => Number(await link.script(LOWEST, [floorKey(variantId)], [stock, FLOOR_MS])),
    async reset(variantId, stock) {
      await link.client.set(floorKey(variantId), String(stock), { PX: FLOOR_MS });
    },
  };
}

/** Every node reads the outbox; the first to claim an event announces it. */
export function redisRelayClaims(link: ClusterLink): RelayClaims {
  return {
    claim: async (eventId) => (await link.client.set(`live-commerce:relayed:${eventId}`, link.nodeId, { NX: true, PX: CLAIM_MS })) === 'OK',
  };
}
