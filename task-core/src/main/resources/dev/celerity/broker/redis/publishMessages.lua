--[[
  Publishes messages to one queue, skipping any whose id is already pending or running there, and any id given
  again in the same call (the first one is kept). One message costs an HSETNX; a batch costs one HMGET to find the ids
  already pending and one variadic HSET for the new ones.

  KEYS[1] messages hash (id -> body)
  KEYS[2] ready sorted set
  KEYS[3] delayed sorted set
  KEYS[4] sequence counter
  KEYS[5] wake-up sorted set
  ARGV[1] count of messages, then for each message four values (ARGV[2], ARGV[3], ARGV[4], ARGV[5] for the first):
          id, priority (0-9), ready-at epoch millis (0 for now), body

  Returns the number of messages stored.
]]
-- @include queueOrder
-- @include placeMessages

local count = tonumber(ARGV[1])
local entries = {}
if count == 1 then
  if redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[5]) == 1 then
    entries[1] = { ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]) }
  end
else
  local ids = {}
  for i = 0, count - 1 do
    ids[#ids + 1] = ARGV[2 + i * 4]
  end
  local pending = {}
  for first = 1, #ids, 1000 do
    local slice = redis.call('HMGET', KEYS[1], unpack(ids, first, math.min(first + 999, #ids)))
    for offset = 1, #slice do
      -- a missing field is a nil reply, which Lua sees as false
      if slice[offset] then
        pending[ids[first + offset - 1]] = true
      end
    end
  end
  local bodies = {}
  for i = 0, count - 1 do
    local base = 2 + i * 4
    local id = ARGV[base]
    if not pending[id] then
      pending[id] = true
      bodies[#bodies + 1] = id
      bodies[#bodies + 1] = ARGV[base + 3]
      entries[#entries + 1] = { id, tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]) }
    end
  end
  callInSlices('HSET', KEYS[1], bodies)
end
placeMessages(KEYS[2], KEYS[3], KEYS[4], KEYS[5], entries)
return #entries
