--[[
  Leases up to ARGV[1] ready messages, highest priority first. Before taking, it promotes delayed messages that are
  due and returns messages whose lease expired to the head of their priority level, marked redelivered.

  KEYS[1] ready sorted set
  KEYS[2] delayed sorted set
  KEYS[3] leases sorted set (token -> deadline * 10 + priority)
  KEYS[4] messages hash (id -> body)
  KEYS[5] redelivered set (ids whose last lease expired)
  KEYS[6] sequence counter
  KEYS[7] wake-up sorted set ('w' when work is ready; taken away when this fetch leaves nothing ready)
  ARGV[1] most messages to take
  ARGV[2] lease in milliseconds

  Returns a flat array: first the milliseconds until the next delayed message or lease deadline is due (-1 if none;
  0 when messages are returned), then for each leased message five values: id, priority, lease token, body,
  redelivered (1 or 0).
]]
-- @include queueOrder
-- @include dueWork

local readyKey, delayedKey, leasesKey, messagesKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local redeliveredKey, sequenceKey, wakeKey = KEYS[5], KEYS[6], KEYS[7]
local max = tonumber(ARGV[1])
local now = nowMillis()

promoteDue(readyKey, delayedKey, leasesKey, redeliveredKey, sequenceKey, now)

local popped = redis.call('ZPOPMIN', readyKey, max)
if #popped == 0 then
  -- nothing is ready: a ready signal left for this queue is stale
  redis.call('ZREM', wakeKey, 'w')
  return { millisUntilDue(delayedKey, leasesKey, now) }
end

local count = #popped / 2
local ids = {}
for i = 1, #popped, 2 do
  ids[#ids + 1] = popped[i]
end
local bodies = redis.call('HMGET', messagesKey, unpack(ids))
local flags = redis.call('SMISMEMBER', redeliveredKey, unpack(ids))
local deadline = now + tonumber(ARGV[2])
local reply = { 0 }
local leases = {}
local flagged = {}
for i = 1, count do
  local id = ids[i]
  if flags[i] == 1 then
    flagged[#flagged + 1] = id
  end
  -- a ready id without a body cannot run: it is dropped rather than leased
  if bodies[i] then
    local priority = priorityOfReadyScore(popped[i * 2])
    -- every placement in the ready set has a score of its own, so the score names this lease uniquely
    local token = popped[i * 2] .. ':' .. id
    leases[#leases + 1] = timedScore(deadline, priority)
    leases[#leases + 1] = token
    local n = #reply
    reply[n + 1] = id
    reply[n + 2] = priority
    reply[n + 3] = token
    reply[n + 4] = bodies[i]
    reply[n + 5] = flags[i]
  end
end
addAll(leasesKey, leases)
if #flagged > 0 then
  callInSlices('SREM', redeliveredKey, flagged)
end
if count == max and redis.call('ZCARD', readyKey) > 0 then
  -- more is ready than this consumer took: wake the next one
  redis.call('ZADD', wakeKey, 0, 'w')
else
  -- this consumer took everything ready: a ready signal left would wake the next one for nothing
  redis.call('ZREM', wakeKey, 'w')
end
return reply
