-- wrk script: GET of the URL's path with the editorial session's cookie, given as the script's
-- argument, so that every request is the signed-in editor's.
--
--   wrk -t1 -c2 -d10s --latency -s bench/get-list.lua 'http://127.0.0.1:PORT/admin/articles.xhtml?q=x' -- 'JSESSIONID=...'
--
-- done() (wrk-report.lua, next to this file) prints the line the benchmark reads.

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")

local cookie

function init(args)
   cookie = args[1]
end

function request()
   return wrk.format("GET", nil, { ["Cookie"] = cookie })
end
