-- wrk script: GET of the one path in the URL, nothing else (no cookie, no conditional headers), so
-- that the application and nginx answer the very same request.
--
--   wrk -t2 -c64 -d20s --latency -s bench/get-page.lua http://127.0.0.1:PORT/en/articles/SLUG
--
-- done() (wrk-report.lua, next to this file) prints the line the benchmark reads.

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")
