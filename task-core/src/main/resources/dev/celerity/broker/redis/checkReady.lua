--[[
  Tells whether a queue has ready messages, without leasing any. Like the fetch script it first promotes delayed
  messages that are due and returns messages whose lease expired, so a consumer waiting for work (and holding no
  room for it) still sees them on time.

  KEYS[1] ready sorted set
  KEYS[2] delayed sorted set
  KEYS[3] leases sorted set (token -> deadline * 10 + priority)
  KEYS[4] redelivered set (ids whose last lease expired)
  KEYS[5] sequence counter
  KEYS[6] wake-up sorted set

  Returns 0 when ready messages wait; otherwise the milliseconds until the next delayed message or lease deadline is
  due (at least 1), or -1 if none.
]]
-- @include queueOrder
-- @include dueWork

local readyKey, delayedKey, leasesKey, redeliveredKey, sequenceKey, wakeKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4],
  KEYS[5], KEYS[6]
local now = nowMillis()

promoteDue(readyKey, delayedKey, leasesKey, redeliveredKey, sequenceKey, now)

if redis.call('ZCARD', readyKey) > 0 then
  -- this consumer may have no room for the work yet: leave the signal for other consumers of the queue
  redis.call('ZADD', wakeKey, 0, 'w')
  return 0
end
return millisUntilDue(delayedKey, leasesKey, now)
