--[[
  Acknowledges leased messages of one queue: each is removed for good. A stale lease token (the lease expired and the
  message was handed out again) changes nothing for that message.

  KEYS[1] leases sorted set
  KEYS[2] messages hash
  ARGV    pairs of lease token and message id, one pair per message

  Returns how many messages were removed.
]]
local acked = 0
for i = 1, #ARGV, 2 do
  if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
    redis.call('HDEL', KEYS[2], ARGV[i + 1])
    acked = acked + 1
  end
end
return acked
