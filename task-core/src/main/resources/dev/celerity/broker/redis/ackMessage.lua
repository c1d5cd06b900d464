--[[
  Acknowledges a leased message: it is removed for good. A stale lease token (the lease expired and the message was
  handed out again) changes nothing.

  KEYS[1] leases sorted set
  KEYS[2] messages hash
  ARGV[1] lease token
  ARGV[2] message id

  Returns 1 if the message was removed, 0 if the lease was unknown.
]]
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[2])
return 1
