--[[
  Counts the messages waiting in a queue: ready and delayed, not leased.

  KEYS[1] ready sorted set
  KEYS[2] delayed sorted set

  Returns the count.
]]
return redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
