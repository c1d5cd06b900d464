--[[
  Claims one tick of a schedule for exactly one instance, and only if it is later than the schedule's last tick.

  KEYS[1] the tick's claim key   <prefix>:beat:{<schedule>}:tick:<epoch millis>
  KEYS[2] the schedule's last tick <prefix>:beat:{<schedule>}:last
  ARGV[1] the tick, epoch millis
  ARGV[2] the claiming instance's id (stored in the claim key, for operators)
  ARGV[3] how long the claim key lives, millis

  Returns {1, previous} when this caller won the tick, {0, previous} otherwise; previous is the last tick in epoch
  millis before this call, or '' when none was recorded.
]]
local last = redis.call('GET', KEYS[2])
if last and tonumber(last) >= tonumber(ARGV[1]) then
  return {0, last}
end
if not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[3]) then
  return {0, last or ''}
end
redis.call('SET', KEYS[2], ARGV[1])
return {1, last or ''}
