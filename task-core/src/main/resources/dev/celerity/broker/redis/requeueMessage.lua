--[[
  Acknowledges a leased message and stores its next attempt (a retry, a deferral) in the same queue, atomically; the
  id stays pending throughout, so a concurrent publish of the same id is refused.

  KEYS[1] leases sorted set
  KEYS[2] messages hash
  KEYS[3] ready sorted set
  KEYS[4] delayed sorted set
  KEYS[5] sequence counter
  KEYS[6] wake-up sorted set
  ARGV[1] lease token
  ARGV[2] id of the leased message
  ARGV[3] id of the next attempt
  ARGV[4] priority of the next attempt
  ARGV[5] ready-at epoch millis of the next attempt (0 for now)
  ARGV[6] body of the next attempt

  Returns 1 if the next attempt was stored, 0 if the lease was unknown (nothing changes).
]]
-- @include queueOrder
-- @include placeMessages

if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
if ARGV[2] ~= ARGV[3] then
  redis.call('HDEL', KEYS[2], ARGV[2])
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[6])
placeMessages(KEYS[3], KEYS[4], KEYS[5], KEYS[6], { { ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]) } })
return 1
