--[[
  Publishes messages to one queue, skipping any whose id is already pending or running there.

  KEYS[1] messages hash (id -> body)
  KEYS[2] ready sorted set
  KEYS[3] delayed sorted set
  KEYS[4] sequence counter
  KEYS[5] wake-up sorted set
  ARGV[1] count of messages, then for each message four values:
          id, priority (0-9), ready-at epoch millis (0 for now), body

  Returns the number of messages stored.
]]
-- @include queueOrder
-- @include placeMessages

local count = tonumber(ARGV[1])
local entries = {}
for i = 0, count - 1 do
  local base = 2 + i * 4
  local id = ARGV[base]
  if redis.call('HSETNX', KEYS[1], id, ARGV[base + 3]) == 1 then
    entries[#entries + 1] = { id, tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]) }
  end
end
placeMessages(KEYS[2], KEYS[3], KEYS[4], KEYS[5], entries)
return #entries
