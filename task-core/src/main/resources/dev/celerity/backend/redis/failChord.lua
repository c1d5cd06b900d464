--[[
  Marks a chord as failed, so that its body never runs.

  KEYS[1] the chord's hash
  ARGV[1] time to live of the chord's state in milliseconds

  Returns 1 for the call that failed the chord, 0 if it had failed already.
]]
local first = redis.call('HSETNX', KEYS[1], 'failed', '1')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return first
