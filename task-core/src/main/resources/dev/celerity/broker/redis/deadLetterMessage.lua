--[[
  Moves a leased message to its queue's dead-letter list.

  KEYS[1] leases sorted set
  KEYS[2] messages hash
  KEYS[3] dead-letter list
  ARGV[1] lease token
  ARGV[2] message id
  ARGV[3] the dead-letter entry (JSON: id, reason, time, body)

  Returns 1 if the message was moved, 0 if the lease was unknown.
]]
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[3])
return 1
