--[[
  Settles one message held under a Celerity lease, if the lease is still held: acknowledges it, and per mode puts
  the held envelope back, parks it until its eta, dead-letters it, or pushes a next attempt.

  KEYS[1] leases, KEYS[2] in flight (see fetchCeleryMessages.lua)
  KEYS[3] the target: a kombu list (release, push), the parked set (park) or the dead-letter list (dead); unused
  for ack and extend
  ARGV[1] the lease token
  ARGV[2] the mode: ack | extend | release | park | dead | push
  ARGV[3] extend: the new lease in ms; park: the eta in ms; dead: the dead-letter entry's JSON head (id, reason,
  at) without its body; push: the next attempt's envelope
  ARGV[4] dead: the name of the field that receives the held envelope

  Returns 1 if the lease was held (the settlement happened), 0 if it was not (nothing changed).
]]
local entry = redis.call('HGET', KEYS[2], ARGV[1])
if not entry then
  return 0
end
local mode = ARGV[2]
if mode == 'extend' then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  return 1
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
if mode == 'release' then
  redis.call('RPUSH', KEYS[3], string.sub(entry, 3))
elseif mode == 'park' then
  redis.call('ZADD', KEYS[3], tonumber(ARGV[3]), entry)
elseif mode == 'dead' then
  local letter = cjson.decode(ARGV[3])
  letter[ARGV[4]] = string.sub(entry, 3)
  redis.call('RPUSH', KEYS[3], cjson.encode(letter))
elseif mode == 'push' then
  redis.call('LPUSH', KEYS[3], ARGV[3])
end
return 1
