--[[
  Shared fragment: makes a queue's due work ready and tells how long until more falls due. Needs queueOrder.

  promoteDue moves delayed messages that are due to the tail of their priority level, and returns messages whose
  lease expired to the head of their level, marked redelivered. millisUntilDue returns the milliseconds until the next
  delayed message or lease deadline is due, -1 if none.
]]
local function promoteDue(readyKey, delayedKey, leasesKey, redeliveredKey, sequenceKey, now)
  local due = redis.call('ZRANGEBYSCORE', delayedKey, '-inf', timedScore(now, 9), 'WITHSCORES', 'LIMIT', 0, 1000)
  if #due > 0 then
    local count = #due / 2
    local sequence = redis.call('INCRBY', sequenceKey, count) - count
    local scored = {}
    for i = 1, #due, 2 do
      sequence = sequence + 1
      scored[#scored + 1] = tailScore(tonumber(due[i + 1]) % 10, sequence)
      scored[#scored + 1] = due[i]
    end
    addAll(readyKey, scored)
    redis.call('ZREMRANGEBYRANK', delayedKey, 0, count - 1)
  end

  local expired = redis.call('ZRANGEBYSCORE', leasesKey, '-inf', '(' .. timedScore(now, 0), 'WITHSCORES',
    'LIMIT', 0, 1000)
  if #expired > 0 then
    local count = #expired / 2
    local sequence = redis.call('INCRBY', sequenceKey, count) - count
    local scored = {}
    local ids = {}
    for i = 1, #expired, 2 do
      local token = expired[i]
      local id = string.sub(token, string.find(token, ':', 1, true) + 1)
      sequence = sequence + 1
      scored[#scored + 1] = headScore(tonumber(expired[i + 1]) % 10, sequence)
      scored[#scored + 1] = id
      ids[#ids + 1] = id
    end
    addAll(readyKey, scored)
    callInSlices('SADD', redeliveredKey, ids)
    redis.call('ZREMRANGEBYRANK', leasesKey, 0, count - 1)
  end
end

local function millisUntilDue(delayedKey, leasesKey, now)
  local wait = -1
  local nextDelayed = redis.call('ZRANGE', delayedKey, 0, 0, 'WITHSCORES')
  if #nextDelayed > 0 then
    wait = math.max(0, math.floor(tonumber(nextDelayed[2]) / 10) - now)
  end
  local nextLease = redis.call('ZRANGE', leasesKey, 0, 0, 'WITHSCORES')
  if #nextLease > 0 then
    local leaseWait = math.max(0, math.floor(tonumber(nextLease[2]) / 10) - now + 1)
    if wait < 0 or leaseWait < wait then
      wait = leaseWait
    end
  end
  return wait
end
