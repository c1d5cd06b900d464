--[[
  Stores a task's state the way Celery's Redis backend does (SETEX, then PUBLISH on a channel named like the key),
  unless the stored state is SUCCESS: a success is never overwritten, as in Celery's _store_result.

  KEYS[1] celery-task-meta-<id>
  ARGV[1] the state's JSON
  ARGV[2] time to live in seconds

  Returns 1 if stored, 0 if a success was already stored.
]]
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' and decoded['status'] == 'SUCCESS' then
    return 0
  end
end
redis.call('SETEX', KEYS[1], ARGV[2], ARGV[1])
redis.call('PUBLISH', KEYS[1], ARGV[1])
return 1
