--[[
  Records a rate limit changed at run time and announces it, in one atomic step: the version counter orders the
  changes, the hash lets an instance that starts later catch up, the message reaches the running instances.

  KEYS[1] changes hash (task -> "version|limit")
  KEYS[2] version counter
  ARGV[1] the task
  ARGV[2] the new limit (N/s, N/m, N/h), or the empty string when the limit is removed
  ARGV[3] the channel announcing changes ("version|limit|task")

  Returns the change's version.
]]
local version = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], ARGV[1], version .. '|' .. ARGV[2])
redis.call('PUBLISH', ARGV[3], version .. '|' .. ARGV[2] .. '|' .. ARGV[1])
return version
