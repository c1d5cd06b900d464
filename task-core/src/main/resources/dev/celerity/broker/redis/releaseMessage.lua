--[[
  Gives a leased message back unrun: it is ready again at once, at the head of its priority level.

  KEYS[1] leases sorted set
  KEYS[2] ready sorted set
  KEYS[3] redelivered set
  KEYS[4] sequence counter
  KEYS[5] wake-up sorted set
  ARGV[1] lease token
  ARGV[2] message id
  ARGV[3] priority
  ARGV[4] 1 if the delivery was a redelivery (the mark is kept), else 0

  Returns 1 if the message was released, 0 if the lease was unknown.
]]
-- @include queueOrder

if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('ZADD', KEYS[2], headScore(tonumber(ARGV[3]), redis.call('INCR', KEYS[4])), ARGV[2])
if ARGV[4] == '1' then
  redis.call('SADD', KEYS[3], ARGV[2])
end
redis.call('ZADD', KEYS[5], 0, 'w')
return 1
