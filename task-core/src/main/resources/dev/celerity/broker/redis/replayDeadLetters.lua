--[[
  Moves up to ARGV[1] dead letters of a queue, oldest first, back into the queue: ready now at priority 0, with
  their bodies unchanged (so their retry count is kept). A dead letter whose id is pending or running again is
  dropped, as the queue already holds that message; an entry that cannot be read stays in the list.

  KEYS[1] dead-letter list (JSON entries: id, reason, at, body in base64)
  KEYS[2] messages hash
  KEYS[3] ready sorted set
  KEYS[4] delayed sorted set
  KEYS[5] sequence counter
  KEYS[6] wake-up sorted set
  ARGV[1] most dead letters to move

  Returns the number of messages put back into the queue.
]]
-- @include queueOrder
-- @include placeMessages
-- @include base64

local taken = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #taken == 0 then
  return 0
end
local entries = {}
local unreadable = {}
for _, raw in ipairs(taken) do
  local ok, letter = pcall(cjson.decode, raw)
  if ok and type(letter) == 'table' and type(letter.id) == 'string' and type(letter.body) == 'string' then
    if redis.call('HSETNX', KEYS[2], letter.id, base64Decode(letter.body)) == 1 then
      entries[#entries + 1] = { letter.id, 0, 0 }
    end
  else
    unreadable[#unreadable + 1] = raw
  end
end
redis.call('LTRIM', KEYS[1], #taken, -1)
for i = #unreadable, 1, -1 do
  redis.call('LPUSH', KEYS[1], unreadable[i])
end
placeMessages(KEYS[3], KEYS[4], KEYS[5], KEYS[6], entries)
return #entries
