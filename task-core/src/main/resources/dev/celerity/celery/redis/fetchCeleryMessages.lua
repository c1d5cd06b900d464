--[[
  Takes up to ARGV[1] messages from a Celery queue's kombu lists, step 0 first (kombu's priority-major BRPOP order),
  each from the right end as kombu's workers pop, and holds each under a Celerity lease in the same step; first puts
  back what fell due: expired leases (at the right end, to be taken next, as kombu restores them) and parked
  messages whose eta has come.

  KEYS[1] leases: sorted set of lease tokens by deadline (ms, server time)
  KEYS[2] in flight: hash of lease token -> '<step index>|<envelope>'
  KEYS[3] parked: sorted set of '<step index>|<envelope>' by eta (ms)
  KEYS[4..7] the kombu lists of steps 0, 3, 6, 9
  ARGV[1] the most messages to take (0 only looks)
  ARGV[2] the lease in ms
  ARGV[3] the prefix of this call's lease tokens (unique per call)

  Returns {millis until the next lease or parked message falls due (0 when a list has messages, -1: none; only
  when nothing was taken),
  token, step index, envelope, token, step index, envelope ...}
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, token in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 1000)) do
  local entry = redis.call('HGET', KEYS[2], token)
  if entry then
    redis.call('RPUSH', KEYS[4 + tonumber(string.sub(entry, 1, 1))], string.sub(entry, 3))
    redis.call('HDEL', KEYS[2], token)
  end
  redis.call('ZREM', KEYS[1], token)
end
for _, entry in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 1000)) do
  redis.call('RPUSH', KEYS[4 + tonumber(string.sub(entry, 1, 1))], string.sub(entry, 3))
  redis.call('ZREM', KEYS[3], entry)
end
local reply = {0}
local max = tonumber(ARGV[1])
local deadline = now + tonumber(ARGV[2])
local taken = 0
for step = 0, 3 do
  while taken < max do
    local envelope = redis.call('RPOP', KEYS[4 + step])
    if not envelope then
      break
    end
    taken = taken + 1
    local token = ARGV[3] .. ':' .. taken
    redis.call('HSET', KEYS[2], token, step .. '|' .. envelope)
    redis.call('ZADD', KEYS[1], deadline, token)
    reply[#reply + 1] = token
    reply[#reply + 1] = step
    reply[#reply + 1] = envelope
  end
end
if taken == 0 then
  -- a look without taking (ARGV[1] = 0) answers 0 when a list has messages
  for step = 0, 3 do
    if redis.call('LLEN', KEYS[4 + step]) > 0 then
      return {0}
    end
  end
  local soonest = -1
  for _, key in ipairs({KEYS[1], KEYS[3]}) do
    local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    if first[2] then
      local wait = math.max(0, tonumber(first[2]) - now)
      if soonest < 0 or wait < soonest then
        soonest = wait
      end
    end
  end
  reply[1] = soonest
end
return reply
