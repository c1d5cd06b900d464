--[[
  Counts a queue's messages by kind in one call, for monitoring.

  KEYS[1] ready sorted set
  KEYS[2] delayed sorted set
  KEYS[3] leases sorted set
  KEYS[4] dead-letter list

  Returns a flat array of 13 counts: ready messages of priorities 0 to 9, then delayed, leased and dead-lettered
  messages. A lease that expired counts as leased until the next fetch returns its message to the queue.
]]
-- @include queueOrder

local reply = {}
for priority = 0, 9 do
  local lowest = (9 - priority) * LEVEL_WIDTH
  reply[#reply + 1] = redis.call('ZCOUNT', KEYS[1], formatScore(lowest), '(' .. formatScore(lowest + LEVEL_WIDTH))
end
reply[#reply + 1] = redis.call('ZCARD', KEYS[2])
reply[#reply + 1] = redis.call('ZCARD', KEYS[3])
reply[#reply + 1] = redis.call('LLEN', KEYS[4])
return reply
