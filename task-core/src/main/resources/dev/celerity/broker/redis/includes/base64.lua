--[[
  Shared fragment: decodes standard base64 (the alphabet with + and /, padding optional), as Redis's Lua has no
  decoder of its own; characters outside the alphabet (padding, line breaks) are skipped.
]]
local BASE64_VALUES = {}
for i = 1, 64 do
  BASE64_VALUES[string.byte('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', i)] = i - 1
end

local function base64Decode(text)
  local out = {}
  local bits, count = 0, 0
  for i = 1, #text do
    local value = BASE64_VALUES[string.byte(text, i)]
    if value then
      bits = bits * 64 + value
      count = count + 6
      if count >= 8 then
        count = count - 8
        local scale = 2 ^ count
        out[#out + 1] = string.char(math.floor(bits / scale))
        bits = bits % scale
      end
    end
  end
  return table.concat(out)
end
