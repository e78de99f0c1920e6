#!/usr/bin/env bash
# API benchmark: starts the CMS on Payara Micro on 127.0.0.1, loads N articles through
# POST /api/articles, then measures GET /api/articles/{id} with wrk (median of 3 runs).
# Every process it starts is stopped on exit; only 127.0.0.1 is ever contacted.
# See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

ARTICLES="${BENCH_ARTICLES:-10000}"
WORKERS="${BENCH_WORKERS:-8}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-10}"
RUN_SECONDS="${BENCH_RUN_SECONDS:-20}"
RUNS="${BENCH_RUNS:-3}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
LOAD_DEADLINE="${BENCH_LOAD_DEADLINE:-3600}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"
API_USER=author
API_PASSWORD=demo

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive ARTICLES WORKERS THREADS CONNECTIONS WARMUP_SECONDS RUN_SECONDS RUNS READY_TIMEOUT LOAD_DEADLINE WAR_WAIT
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# ---- 1. tools, database, temp dir (removed on exit with everything started) -------------------
ensure_commands wrk wrk
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
bench_database
bench_init cms-bench
copy_war "$WAR" "$WAR_WAIT"

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
echo "== starting Payara Micro ($DB_NAME) on 127.0.0.1:$PORT; $(nproc) cores, load average $(loadavg)"
start_payara server "$PORT"
LOG="$SERVER_LOG"

# ---- 3. readiness ----------------------------------------------------------------------------
wait_ready "$SERVER_PID" "$PORT" "$LOG" "$READY_TIMEOUT"
echo "server ready in $STARTUP_S s (pid $SERVER_PID, $(cat /proc/$SERVER_PID/comm))"
warn_unless_loopback "$PORT"
status="$(http_status "$PORT" '/api/articles?limit=1' "$API_USER:$API_PASSWORD")"
[[ "$status" == 200 ]] || die "GET /api/articles as $API_USER answered $status, not 200 (is demo mode on?)"

# ---- 4. load articles ------------------------------------------------------------------------
echo "== loading $ARTICLES articles with $WORKERS workers"
IDS="$WORK/ids.txt"
LOAD_OUT="$WORK/load.out"
load_rc=0
: >"$LOAD_OUT"
python3 -u "$BENCH_DIR/load_articles.py" --port "$PORT" --count "$ARTICLES" --workers "$WORKERS" \
    --ids "$IDS" --user "$API_USER" --password "$API_PASSWORD" --deadline "$LOAD_DEADLINE" >"$LOAD_OUT" 2>&1 &
load_pid=$!
CHILD_PIDS+=("$load_pid")
tail -n +1 -f --pid="$load_pid" "$LOAD_OUT" & # shows the loader's progress; ends with it
tail_pid=$!
CHILD_PIDS+=("$tail_pid")
wait "$load_pid" || load_rc=$?
wait "$tail_pid" || true
if (( load_rc != 0 )); then
    echo "bench: loading failed (exit $load_rc); the server log ends:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
fi
read -r LOADED LOAD_S LOAD_RATE < <(sed -n 's/^loaded \([0-9]*\) articles in \([0-9.]*\) s: \([0-9.]*\) articles\/s$/\1 \2 \3/p' "$LOAD_OUT") || true
[[ -n "${LOADED:-}" && "$LOADED" == "$ARTICLES" ]] || die "the loader did not report $ARTICLES loaded articles"
(( $(wc -l <"$IDS") == ARTICLES )) || die "the ids file does not hold $ARTICLES ids"

# ---- 5./6. reads with wrk --------------------------------------------------------------------
TOKEN="$(printf '%s:%s' "$API_USER" "$API_PASSWORD" | base64 -w0)"
server_pids() { echo "$SERVER_PID"; }

echo "== GET /api/articles/{id}: warm-up ${WARMUP_SECONDS} s, then $RUNS runs of ${RUN_SECONDS} s at $THREADS threads / $CONNECTIONS connections"
run_wrk "$WORK/wrk-warmup.out" "$WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$BENCH_DIR/get-article.lua" "$BASE" -- "$IDS" "$TOKEN"
printf 'warm-up: %.0f req/s\n' "$(field "$WORK/wrk-warmup.out" rps)"

BAD_ANSWERS=0
READ_RPS=() READ_P50=() READ_P99=() READ_CPU=()
for run in $(seq 1 "$RUNS"); do
    measure_run READ "run $run" "$WORK/wrk-$run.out" server_pids "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" \
        "$BENCH_DIR/get-article.lua" "$BASE" -- "$IDS" "$TOKEN"
done
medians READ
printf 'median: %.0f req/s, p50 %s ms, p99 %s ms, %.3f ms CPU/request\n' "$READ_M_RPS" "$(ms "$READ_M_P50")" "$(ms "$READ_M_P99")" "$READ_M_CPU"

# ---- 7. summary ------------------------------------------------------------------------------
echo
echo "== API benchmark ($DB_NAME) =="
echo "server start-up: $STARTUP_S s"
printf 'articles loaded: %d in %.1f s (%.1f articles/s)\n' "$LOADED" "$LOAD_S" "$LOAD_RATE"
printf 'GET /api/articles/{id}: median of %d runs: %.0f req/s, p50 %s ms, p99 %s ms, %.2f ms CPU/request\n' \
    "$RUNS" "$READ_M_RPS" "$(ms "$READ_M_P50")" "$(ms "$READ_M_P99")" "$READ_M_CPU"
if (( BAD_ANSWERS > 0 )); then
    echo "bench: $BAD_ANSWERS reads failed (non-2xx answers or socket errors); the server log ends:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
fi
