--[[
  Acknowledges leased messages of one queue: each is removed for good. A stale lease token (the lease expired and the
  message was handed out again) changes nothing for that message. One message costs a ZREM and an HDEL; a batch costs
  one ZMSCORE to tell the held leases from the stale ones, then one variadic ZREM and one variadic HDEL.

  KEYS[1] leases sorted set
  KEYS[2] messages hash
  ARGV[1] lease token of the first message, ARGV[2] its id, then one such pair per further message

  Returns how many messages were removed.
]]
-- @include queueOrder

if #ARGV == 2 then
  if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
    redis.call('HDEL', KEYS[2], ARGV[2])
    return 1
  end
  return 0
end
local tokens = {}
for i = 1, #ARGV, 2 do
  tokens[#tokens + 1] = ARGV[i]
end
local scores = {}
for first = 1, #tokens, 1000 do
  local slice = redis.call('ZMSCORE', KEYS[1], unpack(tokens, first, math.min(first + 999, #tokens)))
  for _, score in ipairs(slice) do
    scores[#scores + 1] = score
  end
end
local held = {}
local ids = {}
local seen = {}
for i = 1, #tokens do
  -- a token that is not leased any more is a nil reply, which Lua sees as false; a token given twice counts once
  if scores[i] and not seen[tokens[i]] then
    seen[tokens[i]] = true
    held[#held + 1] = tokens[i]
    ids[#ids + 1] = ARGV[i * 2]
  end
end
if #held == 0 then
  return 0
end
callInSlices('ZREM', KEYS[1], held)
callInSlices('HDEL', KEYS[2], ids)
return #held
