-- wrk script: GET /api/articles/{id} with HTTP Basic, the id drawn at random from a file of ids.
--
--   wrk -t2 -c32 -d20s --latency -s bench/get-article.lua http://127.0.0.1:PORT -- IDS_FILE BASIC_TOKEN
--
-- IDS_FILE has one article id a line (the ids need not be contiguous); BASIC_TOKEN is
-- base64("user:password"). done() prints one machine-readable line:
--   BENCH requests=N duration_us=N rps=N p50_us=N p99_us=N max_us=N status_errors=N socket_errors=N

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

function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.2f p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / seconds,
      math.floor(latency:percentile(50)), math.floor(latency:percentile(99)), math.floor(latency.max),
      e.status, e.connect + e.read + e.write + e.timeout))
end
