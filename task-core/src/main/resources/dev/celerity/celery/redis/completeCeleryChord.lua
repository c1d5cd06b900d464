--[[
  Records one header task's result in Celery's chord keys and tells whether the header is complete, in one atomic
  step, as Celery's on_chord_part_return reads them: the result joins the sorted set .j as [1, id, state, result]
  scored by its header position (once per position, so a redelivered task is not counted twice); the header is
  complete when .j holds .s + .t entries.

  KEYS[1] celery-taskset-meta-<group>.j, KEYS[2] .t, KEYS[3] .s, KEYS[4] .f (Celerity's mark of a failed chord)
  ARGV[1] the header position, ARGV[2] the header's size (recorded in .s if absent), ARGV[3] the entry's JSON,
  ARGV[4] time to live in seconds

  Returns {recorded, failed (1/0)} or, once complete, {recorded, 0, entry, entry ...} in header order.
]]
if redis.call('EXISTS', KEYS[4]) == 1 then
  return {redis.call('ZCARD', KEYS[1]), 1}
end
redis.call('SET', KEYS[3], ARGV[2], 'NX', 'EX', ARGV[4])
if #redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1]) == 0 then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
end
for i = 1, 3 do
  redis.call('EXPIRE', KEYS[i], ARGV[4])
end
local recorded = redis.call('ZCARD', KEYS[1])
local total = tonumber(redis.call('GET', KEYS[3])) + tonumber(redis.call('GET', KEYS[2]) or '0')
local reply = {recorded, 0}
if recorded >= total then
  for _, entry in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    reply[#reply + 1] = entry
  end
end
return reply
