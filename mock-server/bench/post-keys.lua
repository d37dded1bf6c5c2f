-- wrk script: POST the JSON file named by BODY, each request under one of KEYS bearer keys in turn (default 64), so
-- that the store fills as a shared mock's does (each key is its own tenant with its own quota).
local f = assert(io.open(os.getenv("BODY"), "rb"))
local body = f:read("*a")
f:close()
local keys = tonumber(os.getenv("KEYS") or "64")
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer bench-key-" .. (n % keys) }, body)
end
