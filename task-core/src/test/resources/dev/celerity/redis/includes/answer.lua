--[[
  Test fragment: what an include looks like.
]]
local function answer()
  return 42
end
