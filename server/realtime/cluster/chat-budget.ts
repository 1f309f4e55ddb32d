import type { ChatBudget } from '../rate-limiter';
import { UserRateLimiter } from '../rate-limiter';
import type { ClusterLink } from './link';

const key = (person: string) => `live-commerce:chat-budget:${person}`;

// A token bucket (rate-limiter.ts's arithmetic) kept in Redis and spent atomically, timed by Redis's clock.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - at) / 1000 * perSecond)
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perSecond * 1000) + 1000)
return ok`;

/**
 * One chat budget per person over every node: two sockets on two nodes spend
 * one bucket. While Redis is away each node falls back to its own buckets.
 */
export function redisChatBudget(link: ClusterLink, capacity: number, perSecond: number): ChatBudget {
  const fallback = new UserRateLimiter(capacity, perSecond);
  return {
    take: (person) =>
      link.script(TAKE, [key(person)], [capacity, perSecond]).then(
        (ok) => Number(ok) === 1,
        () => fallback.take(person),
      ),
    close: () => fallback.close(),
  };
}
