--[[
  Stores the steps of a chain once, replacing any stored under the same key.

  KEYS[1] the chain's list
  ARGV[1] time to live of the chain in milliseconds
  ARGV[2..] the encoded steps, in the order they run

  Returns the number of stored steps.
]]
redis.call('DEL', KEYS[1])
local batch = 1000
for first = 2, #ARGV, batch do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, first, math.min(first + batch - 1, #ARGV)))
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return #ARGV - 1
