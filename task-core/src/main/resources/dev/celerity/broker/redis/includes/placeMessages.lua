--[[
  Shared fragment: puts stored messages in the ready set (at the tail of their priority level) or in the delayed set,
  then leaves the wake-up signal for blocked consumers: 'w' (work is ready) when a message is ready, else 'd' (a due
  time changed: look again). Needs queueOrder.

  entries: a list of {id, priority, readyAtMillis}; readyAtMillis 0 means now.
]]
local function placeMessages(readyKey, delayedKey, sequenceKey, wakeKey, entries)
  if #entries == 0 then
    return
  end
  local now = nil
  local ready = {}
  local delayed = {}
  for _, entry in ipairs(entries) do
    local readyAt = entry[3]
    if readyAt > 0 and now == nil then
      now = nowMillis()
    end
    if readyAt > 0 and readyAt > now then
      delayed[#delayed + 1] = timedScore(readyAt, entry[2])
      delayed[#delayed + 1] = entry[1]
    else
      ready[#ready + 1] = entry
    end
  end
  if #ready > 0 then
    local sequence = redis.call('INCRBY', sequenceKey, #ready) - #ready
    local scored = {}
    for _, entry in ipairs(ready) do
      sequence = sequence + 1
      scored[#scored + 1] = tailScore(entry[2], sequence)
      scored[#scored + 1] = entry[1]
    end
    addAll(readyKey, scored)
  end
  addAll(delayedKey, delayed)
  -- two members at most: the signal is idempotent and the key never grows; 'w' sorts first
  if #ready > 0 then
    redis.call('ZADD', wakeKey, 0, 'w')
  else
    redis.call('ZADD', wakeKey, 1, 'd')
  end
end
