import type { DealEndStore } from '../deal-timers';
import type { ClusterLink } from './link';

// Pending ends: a sorted set of shows by end time, and each show's deal.
const DUE = 'live-commerce:deal-ends';
const DEALS = 'live-commerce:deal-ends:deal';

const TAKE = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1`;

const TAKE_DUE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local shows = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 100)
local taken = {}
for _, show in ipairs(shows) do
  local deal = redis.call('HGET', KEYS[2], show)
  redis.call('ZREM', KEYS[1], show)
  redis.call('HDEL', KEYS[2], show)
  if deal then
    table.insert(taken, show)
    table.insert(taken, deal)
  end
end
return taken`;

/** Deal ends in Redis, taken atomically (Lua) so exactly one node announces each. */
export function redisDealEnds(link: ClusterLink): DealEndStore {
  return {
    async schedule(showId, dealId, endsAt) {
      await link.client.multi().zAdd(DUE, { score: endsAt.getTime(), value: showId }).hSet(DEALS, showId, dealId).exec();
    },
    take: async (showId, dealId) => Number(await link.script(TAKE, [DUE, DEALS], [showId, dealId])) === 1,
    async cancel(showId) {
      await link.client.multi().zRem(DUE, showId).hDel(DEALS, showId).exec();
    },
    async takeDue() {
      const flat = (await link.script(TAKE_DUE, [DUE, DEALS], [])) as string[];
      const due: { showId: string; dealId: string }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) due.push({ showId: flat[i]!, dealId: flat[i + 1]! });
      return due;
    },
  };
}
