--[[
  Records the result of one chord header task and tells whether the header is complete, in one atomic step: the
  result goes into the chord's hash under its header position (only the first time, so a redelivered header task is
  not counted twice), and once every position is filled the results come back in header order.

  KEYS[1] the chord's hash
  ARGV[1] the header task's position, from 0
  ARGV[2] the header's size
  ARGV[3] the encoded result
  ARGV[4] time to live of the chord's state in milliseconds

  Returns {completed, failed} where failed is 1 for a failed chord (nothing recorded), or
  {completed, 0, result 0, result 1, ...} once the header is complete.
]]
if redis.call('HEXISTS', KEYS[1], 'failed') == 1 then
  return {redis.call('HLEN', KEYS[1]) - 1, 1}
end
redis.call('HSETNX', KEYS[1], 'r' .. ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local size = tonumber(ARGV[2])
local completed = redis.call('HLEN', KEYS[1])
local reply = {completed, 0}
if completed >= size then
  for i = 0, size - 1 do
    reply[i + 3] = redis.call('HGET', KEYS[1], 'r' .. i)
  end
end
return reply
