--[[
  Reads one step of a stored chain and keeps the chain for its time to live again.

  KEYS[1] the chain's list
  ARGV[1] the step's position, from 0
  ARGV[2] time to live of the chain in milliseconds

  Returns the encoded step, or nil if the chain has ended or expired.
]]
local step = redis.call('LINDEX', KEYS[1], ARGV[1])
if step then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return step
