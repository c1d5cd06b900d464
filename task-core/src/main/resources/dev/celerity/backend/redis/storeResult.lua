--[[
  Stores a task's state with a time to live and, when the state is final, announces it on the task's channel; the key
  is written before the announcement, so a waiter that subscribes and then reads the key misses nothing.

  KEYS[1] the task's result key
  ARGV[1] the encoded state
  ARGV[2] time to live in milliseconds
  ARGV[3] the task's channel, or the empty string when the state is not final

  Returns the number of subscribers that received the announcement (0 when there was none).
]]
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if ARGV[3] == '' then
  return 0
end
return redis.call('PUBLISH', ARGV[3], ARGV[1])
