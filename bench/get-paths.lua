-- wrk script: GETs the paths of a file in turn (one a line), each thread from its own place in
-- the list, with an optional header (a session cookie or HTTP Basic) on every request.
--
--   wrk -t2 -c16 -d12s --latency -s bench/get-paths.lua http://127.0.0.1:PORT -- PATHS_FILE [HEADER VALUE]
--
-- Many paths make every request a different page (the page cache misses); one path, the same
-- request each time. done() (wrk-report.lua, next to this file) prints the line the benchmark reads.

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")

local paths = {}
local headers = {}
local next_path = 1

-- setup runs in the main Lua state, once per thread: number them so each starts elsewhere.
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_no", threads)
   thread:set("thread_count", threads)
end

function init(args)
   if args[1] == nil then
      error("usage: wrk ... -s get-paths.lua URL -- PATHS_FILE [HEADER VALUE]")
   end
   for line in io.lines(args[1]) do
      if line:match("^/") then
         paths[#paths + 1] = line
      end
   end
   if #paths == 0 then
      error("no paths in " .. args[1])
   end
   if args[2] ~= nil then
      headers[args[2]] = args[3]
   end
   -- threads take the list from evenly spread places (at most 16 threads)
   next_path = ((thread_no or 1) - 1) * math.floor(#paths / 16) % #paths + 1
end

function request()
   local path = paths[next_path]
   next_path = next_path % #paths + 1
   return wrk.format("GET", path, headers)
end
