--[[
  Shared fragment: the order of a queue's ready set and the server clock.

  A ready message's score is (9 - priority) * 2^49 + 2^48 + sequence, so a lower score means a higher priority and,
  within one priority, an earlier sequence. Messages put back at the head of their level (released, or returned by an
  expired lease) use 2^48 - sequence instead, which sorts them before every message published normally at that level.
  All scores stay below 2^53, so doubles hold them exactly; they are formatted with %.0f because Lua's default number
  formatting keeps only 14 digits.

  Delayed messages and leases are scored deadlineMillis * 10 + priority, so the priority travels with the deadline.
]]
local LEVEL_WIDTH = 562949953421312
local LEVEL_MIDDLE = 281474976710656

local function formatScore(value)
  return string.format('%.0f', value)
end

local function tailScore(priority, sequence)
  return formatScore((9 - priority) * LEVEL_WIDTH + LEVEL_MIDDLE + sequence)
end

local function headScore(priority, sequence)
  return formatScore((9 - priority) * LEVEL_WIDTH + LEVEL_MIDDLE - sequence)
end

local function priorityOfReadyScore(score)
  return 9 - math.floor(tonumber(score) / LEVEL_WIDTH)
end

local function timedScore(millis, priority)
  return formatScore(millis * 10 + priority)
end

local function nowMillis()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

-- Adds score/member pairs to a sorted set in slices, as Lua's unpack has a bounded stack.
local function addAll(key, scored)
  for first = 1, #scored, 1000 do
    redis.call('ZADD', key, unpack(scored, first, math.min(first + 999, #scored)))
  end
end

-- Runs a variadic command over a list of arguments in slices.
local function callInSlices(command, key, values)
  for first = 1, #values, 1000 do
    redis.call(command, key, unpack(values, first, math.min(first + 999, #values)))
  end
end
