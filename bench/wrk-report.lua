-- Loaded by the benchmarks' wrk scripts (dofile): done() prints one machine-readable line with
-- exact percentiles in microseconds, which the shell scripts read (bench/lib.sh, field):
--   BENCH requests=N duration_us=N rps=N p50_us=N p99_us=N max_us=N status_errors=N socket_errors=N

function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.2f p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / seconds,
      math.floor(latency:percentile(50)), math.floor(latency:percentile(99)), math.floor(latency.max),
      e.status, e.connect + e.read + e.write + e.timeout))
end
