import type { PresenceTally } from '../presence';
import type { ClusterLink } from './link';

// A node's count lives this long unless refreshed (the heartbeat refreshes every 2 s): a dead node drops out within it.
const NODE_COUNT_TTL_MS = 6_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const counts = (showId: string) => `live-commerce:viewers:${showId}`;
const peak = (showId: string) => `live-commerce:viewers-peak:${showId}`;
const seen = (showId: string) => `live-commerce:viewers-seen:${showId}`;

// Sets this node's count (or removes it at 0), drops expired nodes, sums the rest; the
// announcer is the live node with the smallest id (or this one when none is left).
const PUBLISH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
if tonumber(ARGV[2]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. (now + ttl))
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
local total = 0
local first = nil
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local field = entries[i]
  local value = entries[i + 1]
  local sep = string.find(value, ':')
  local count = tonumber(string.sub(value, 1, sep - 1))
  local expires = tonumber(string.sub(value, sep + 1))
  if expires < now then
    redis.call('HDEL', KEYS[1], field)
  else
    total = total + count
    if first == nil or field < first then first = field end
  end
end
redis.call('PEXPIRE', KEYS[1], ttl * 3)
local highest = tonumber(redis.call('GET', KEYS[2]) or '0')
if total > highest then redis.call('SET', KEYS[2], total, 'PX', ARGV[4]) end
if first == nil or first == ARGV[1] then return {total, 1} end
return {total, 0}`;

/** Viewer counts summed over nodes in Redis; peak and distinct viewers (HyperLogLog) over the whole show. */
export function redisPresenceTally(link: ClusterLink): PresenceTally {
  return {
    async publish(showId, localCount) {
      const [total, announcer] = (await link.script(
        PUBLISH,
        [counts(showId), peak(showId)],
        [link.nodeId, localCount, NODE_COUNT_TTL_MS, DAY_MS],
      )) as [number, number];
      return { total: Number(total), announcer: Number(announcer) === 1 };
    },
    async seen(showId, personKey) {
      await link.client.multi().pfAdd(seen(showId), personKey).pExpire(seen(showId), DAY_MS).exec();
    },
    async audience(showId) {
      const [highest, unique] = await Promise.all([link.client.get(peak(showId)), link.client.pfCount(seen(showId))]);
      return { peak: Number(highest ?? 0), unique: Number(unique) };
    },
    async forget(showId) {
      await link.client.del([peak(showId), seen(showId)]);
    },
  };
}
