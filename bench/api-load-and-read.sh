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
PAYARA_JAR="${BENCH_PAYARA_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}"
POST_BOOT="$PROJECT_DIR/server-config/post-boot-commands.asadmin"
API_USER=author
API_PASSWORD=demo

die() { echo "bench: $*" >&2; exit 1; }

for v in ARTICLES WORKERS THREADS CONNECTIONS WARMUP_SECONDS RUN_SECONDS RUNS READY_TIMEOUT LOAD_DEADLINE WAR_WAIT; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
done
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# ---- 1. tools --------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk (Debian package)"
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null || die "could not install wrk"
fi
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
[[ -f "$PAYARA_JAR" ]] || die "no Payara Micro jar at $PAYARA_JAR (mvn dependency:resolve fetches it)"
[[ -f "$POST_BOOT" ]] || die "no $POST_BOOT"
CLK_TCK="$(getconf CLK_TCK)"

# ---- database --------------------------------------------------------------------------------
DB_PROPS=()
if [[ -n "${BENCH_DB_URL:-}" ]]; then
    # Only a database on this machine: the benchmark never contacts another host.
    [[ "$BENCH_DB_URL" =~ ^jdbc:[a-z0-9]+://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?/ ]] \
        || die "BENCH_DB_URL must name a database on 127.0.0.1 or localhost (jdbc:postgresql://127.0.0.1:PORT/DB)"
    case "$BENCH_DB_URL" in
        jdbc:postgresql:*) DB_NAME="PostgreSQL" ;;
        *) DB_NAME="${BENCH_DB_URL%%://*}" ;;
    esac
    DB_PROPS=("-Dcms.db.url=$BENCH_DB_URL" "-Dcms.db.user=${BENCH_DB_USER:-cms}" "-Dcms.db.password=${BENCH_DB_PASSWORD:-cms}")
else
    DB_NAME="H2 embedded"
fi

# ---- 2. temp dir, clean-up -------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cms-bench.XXXXXX")"
SERVER_PID=""
CHILD_PIDS=()

alive() { # a process that exists and is not a zombie
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != Z ]]
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local pid
    for pid in "${CHILD_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    if [[ -n "$SERVER_PID" ]]; then
        # The server runs in its own session and process group (setsid): stop the whole group.
        kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            alive "$SERVER_PID" || break
            sleep 0.5
        done
        if alive "$SERVER_PID"; then
            echo "bench: server did not stop in 30 s, killing it" >&2
        fi
        kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    for pid in "${CHILD_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        echo "bench: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background and waits for it, so that a signal stops the benchmark at once.
run_child() {
    "$@" &
    local pid=$!
    CHILD_PIDS+=("$pid")
    local rc=0
    wait "$pid" || rc=$?
    return "$rc"
}

# ---- the WAR: wait for the build, take a copy that cannot change under us ---------------------
waited=0
until python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(1 if z.testzip() else 0)' "$WAR" 2>/dev/null; do
    (( waited < WAR_WAIT )) || die "no complete WAR at $WAR after ${WAR_WAIT} s (build it with mvn package)"
    (( waited % 60 == 0 )) && echo "bench: waiting for $WAR ..."
    sleep 5
    waited=$((waited + 5))
done
cp "$WAR" "$WORK/cms.war"
python3 -c 'import sys, zipfile; sys.exit(1 if zipfile.ZipFile(sys.argv[1]).testzip() else 0)' "$WORK/cms.war" \
    || die "the WAR changed while it was copied; run again"

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK/data" "$WORK/payara" "$WORK/tmp"
LOG="$WORK/server.log"
# --interfaces only concerns clustering: Payara Micro's HTTP listener binds 0.0.0.0 unless told otherwise.
# The benchmark's server listens on loopback only; the project's post-boot commands run unchanged.
PRE_BOOT="$WORK/pre-boot-commands.asadmin"
echo 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1' >"$PRE_BOOT"

echo "== starting Payara Micro ($DB_NAME) on 127.0.0.1:$PORT; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
START_NS="$(date +%s%N)"
(
    cd "$WORK"
    # The server reads CMS_* environment variables too; the benchmark's -D settings decide alone.
    unset CMS_DB_URL CMS_DB_USER CMS_DB_PASSWORD CMS_DATA_DIR CMS_DEMO
    exec setsid java -Xmx1g -Djava.io.tmpdir="$WORK/tmp" \
        -Dcms.data.dir="$WORK/data" -Dcms.demo=true -Dhazelcast.socket.bind.any=false "${DB_PROPS[@]}" \
        -jar "$PAYARA_JAR" --deploy "$WORK/cms.war" --contextroot / --port "$PORT" --nocluster \
        --interfaces 127.0.0.1 --rootdir "$WORK/payara" --prebootcommandfile "$PRE_BOOT" --postbootcommandfile "$POST_BOOT"
) >"$LOG" 2>&1 </dev/null &
SERVER_PID=$!

# ---- 3. readiness ----------------------------------------------------------------------------
http_status() { # status of GET $1 on the server, 000 when it does not answer
    python3 - "$PORT" "$1" "${2:-}" <<'EOF'
import base64, http.client, sys
port, path, auth = int(sys.argv[1]), sys.argv[2], sys.argv[3]
headers = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()} if auth else {}
try:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", path, headers=headers)
    print(c.getresponse().status)
except Exception:
    print("000")
EOF
}

deadline=$(( $(date +%s) + READY_TIMEOUT ))
status=000
while :; do
    if ! alive "$SERVER_PID"; then
        echo "bench: the server exited during start-up; its log ends:" >&2
        tail -n 60 "$LOG" >&2
        exit 1
    fi
    status="$(http_status /health/ready)"
    [[ "$status" == 200 ]] && break
    if grep -q 'Exception while loading the app' "$LOG"; then
        # Payara Micro stays up without the application: no use waiting for readiness.
        echo "bench: the application failed to deploy; the causes in the log:" >&2
        sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -E '^Caused by|SEVERE' | cut -c1-400 | head -n 12 >&2
        exit 1
    fi
    if (( $(date +%s) >= deadline )); then
        echo "bench: not ready after ${READY_TIMEOUT} s (last answer: $status); the log ends:" >&2
        tail -n 60 "$LOG" >&2
        exit 1
    fi
    sleep 1
done
STARTUP_S="$(awk -v a="$START_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
echo "server ready in $STARTUP_S s (pid $SERVER_PID, $(cat /proc/$SERVER_PID/comm))"
if command -v ss >/dev/null; then
    listening="$(ss -Htln "sport = :$PORT" | awk '{ print $4 }' | sort -u | paste -sd' ')"
    [[ "$listening" =~ ^(\[::ffff:)?127\.0\.0\.1\]?:$PORT$ ]] || echo "bench: warning: the server listens on $listening, not only on loopback" >&2
fi
status="$(http_status '/api/articles?limit=1' "$API_USER:$API_PASSWORD")"
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
server_ticks() { # utime + stime of the server process (all its threads), in clock ticks
    local stat
    stat="$(cat "/proc/$SERVER_PID/stat")"
    stat="${stat##*) }" # fields from 3 on; utime and stime are fields 14 and 15
    awk '{ print $12 + $13 }' <<<"$stat"
}
run_wrk() { # $1 = output file, $2 = seconds, rest = extra wrk options
    local out="$1" seconds="$2"
    shift 2
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s "$@" \
        -s "$BENCH_DIR/get-article.lua" "$BASE" -- "$IDS" "$TOKEN" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed"; }
    grep -q '^BENCH requests=' "$out" || { cat "$out" >&2; die "wrk printed no result"; }
}
field() { sed -n "s/^BENCH .*\\b$2=\\([0-9.]*\\).*/\\1/p" "$1"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms() { awk -v us="$1" 'BEGIN { v = us / 1000; printf (v < 1 ? "%.2f" : "%.1f"), v }'; }

echo "== GET /api/articles/{id}: warm-up ${WARMUP_SECONDS} s, then $RUNS runs of ${RUN_SECONDS} s at $THREADS threads / $CONNECTIONS connections"
run_wrk "$WORK/wrk-warmup.out" "$WARMUP_SECONDS"
printf 'warm-up: %.0f req/s\n' "$(field "$WORK/wrk-warmup.out" rps)"

RPS=() P50=() P99=() CPU=()
bad_answers=0
for run in $(seq 1 "$RUNS"); do
    out="$WORK/wrk-$run.out"
    before="$(server_ticks)"
    run_wrk "$out" "$RUN_SECONDS" --latency
    after="$(server_ticks)"
    rps="$(sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$out")"
    [[ -n "$rps" ]] || rps="$(field "$out" rps)"
    requests="$(field "$out" requests)"
    p50="$(field "$out" p50_us)"
    p99="$(field "$out" p99_us)"
    status_errors="$(field "$out" status_errors)"
    socket_errors="$(field "$out" socket_errors)"
    (( requests > 0 )) || die "run $run made no request"
    cpu="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')"
    RPS+=("$rps") P50+=("$p50") P99+=("$p99") CPU+=("$cpu")
    bad_answers=$((bad_answers + status_errors + socket_errors))
    printf 'run %d: %.0f req/s, p50 %s ms, p99 %s ms, %s ms CPU/request (%d requests, %d non-2xx, %d socket errors; load average %s)\n' \
        "$run" "$rps" "$(ms "$p50")" "$(ms "$p99")" "$cpu" "$requests" "$status_errors" "$socket_errors" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
done
M_RPS="$(median "${RPS[@]}")"
M_P50="$(median "${P50[@]}")"
M_P99="$(median "${P99[@]}")"
M_CPU="$(median "${CPU[@]}")"
printf 'median: %.0f req/s, p50 %s ms, p99 %s ms, %.3f ms CPU/request\n' "$M_RPS" "$(ms "$M_P50")" "$(ms "$M_P99")" "$M_CPU"

# ---- 7. summary ------------------------------------------------------------------------------
echo
echo "== API benchmark ($DB_NAME) =="
echo "server start-up: $STARTUP_S s"
printf 'articles loaded: %d in %.1f s (%.1f articles/s)\n' "$LOADED" "$LOAD_S" "$LOAD_RATE"
printf 'GET /api/articles/{id}: median of %d runs: %.0f req/s, p50 %s ms, p99 %s ms, %.2f ms CPU/request\n' \
    "$RUNS" "$M_RPS" "$(ms "$M_P50")" "$(ms "$M_P99")" "$M_CPU"
if (( bad_answers > 0 )); then
    echo "bench: $bad_answers reads failed (non-2xx answers or socket errors); the server log ends:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
fi
