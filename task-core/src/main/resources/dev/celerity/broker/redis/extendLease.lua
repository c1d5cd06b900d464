--[[
  Moves the deadline of a live lease to now + ARGV[2] milliseconds (server time).

  KEYS[1] leases sorted set
  ARGV[1] lease token
  ARGV[2] lease in milliseconds

  Returns 1 if the lease was extended, 0 if it was already lost.
]]
-- @include queueOrder

local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then
  return 0
end
redis.call('ZADD', KEYS[1], 'XX', timedScore(nowMillis() + tonumber(ARGV[2]), tonumber(score) % 10), ARGV[1])
return 1
