--[[
  Removes every waiting message (ready and delayed) of a queue with its body; leased messages are left to finish.

  KEYS[1] ready sorted set
  KEYS[2] delayed sorted set
  KEYS[3] messages hash
  KEYS[4] redelivered set

  Returns the number of messages removed.
]]
local removed = 0
for _, key in ipairs({ KEYS[1], KEYS[2] }) do
  while true do
    local ids = redis.call('ZRANGE', key, 0, 999)
    if #ids == 0 then
      break
    end
    redis.call('HDEL', KEYS[3], unpack(ids))
    redis.call('SREM', KEYS[4], unpack(ids))
    redis.call('ZREMRANGEBYRANK', key, 0, #ids - 1)
    removed = removed + #ids
  end
end
return removed
