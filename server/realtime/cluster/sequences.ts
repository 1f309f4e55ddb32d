import type { SharedSequences } from '../broadcaster';
import type { ClusterLink } from './link';

// Long past any show: a counter must not vanish under clients that hold its numbers.
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const key = (showId: string) => `live-commerce:seq:${showId}`;

const NEXT = `
local v = redis.call('INCR', KEYS[1])
local floor = tonumber(ARGV[1])
if v <= floor then
  v = floor + 1
  redis.call('SET', KEYS[1], v)
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return v`;

const RAISE = `
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 0`;

/**
 * Per-show sequence numbers from one Redis counter, so every node stamps the same
 * space. The floor keeps a counter that Redis lost (a restart without persistence)
 * from going back under numbers this node already sent.
 */
export function redisSequences(link: ClusterLink): SharedSequences {
  return {
    next: async (showId, floor) => Number(await link.script(NEXT, [key(showId)], [floor, KEEP_MS])),
    current: async (showId) => Number((await link.client.get(key(showId))) ?? 0),
    raise: async (showId, floor) => void (await link.script(RAISE, [key(showId)], [floor, KEEP_MS])),
  };
}
