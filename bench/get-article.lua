-- wrk script: GET /api/articles/{id} with HTTP Basic, the id drawn at random from a file of ids.
--
--   wrk -t2 -c32 -d20s --latency -s bench/get-article.lua http://127.0.0.1:PORT -- IDS_FILE BASIC_TOKEN
--
-- IDS_FILE has one article id a line (the ids need not be contiguous); BASIC_TOKEN is
-- base64("user:password"). done() (wrk-report.lua, next to this file) prints the line the
-- benchmark reads.

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")

local ids = {}
local auth = nil

-- setup runs in the main Lua state, once per thread: number them so each seeds differently.
-- (thread:set makes a global in the thread's own state, so thread_no must not be a local.)
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_no", threads)
end

function init(args)
   local path = args[1]
   if path == nil or args[2] == nil then
      error("usage: wrk ... -s get-article.lua URL -- IDS_FILE BASIC_TOKEN")
   end
   auth = "Basic " .. args[2]
   local file = assert(io.open(path, "r"))
   for line in file:lines() do
      local id = line:match("^%s*(%d+)%s*$")
      if id then
         ids[#ids + 1] = id
      end
   end
   file:close()
   if #ids == 0 then
      error("no article ids in " .. path)
   end
   math.randomseed(os.time() * 1000 + (thread_no or 0) * 7919)
end

function request()
   local id = ids[math.random(#ids)]
   return wrk.format("GET", "/api/articles/" .. id,
      { ["Authorization"] = auth, ["Accept"] = "application/json" })
end
