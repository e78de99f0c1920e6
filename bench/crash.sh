#!/usr/bin/env bash
# Crash test: N writers save articles with If-Match while the server's JVM is killed with
# kill -9 at a random moment, K times, on the embedded H2 default and then on PostgreSQL (a
# cluster of its own in a temp dir). After each restart on the same data every acknowledged
# revision (200) must be there with its exact text, and no revision number may have been
# acknowledged twice. Every process it starts is stopped; only 127.0.0.1 is contacted.
# See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

KILLS="${BENCH_KILLS:-5}"
WRITERS="${BENCH_WRITERS:-8}"
KILL_AFTER_MIN="${BENCH_KILL_AFTER_MIN:-2}"
KILL_AFTER_MAX="${BENCH_KILL_AFTER_MAX:-8}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-240}"
DATABASES="${BENCH_DATABASES:-h2 postgresql}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive KILLS WRITERS KILL_AFTER_MIN KILL_AFTER_MAX READY_TIMEOUT
(( KILL_AFTER_MAX >= KILL_AFTER_MIN )) || die "BENCH_KILL_AFTER_MAX must be at least BENCH_KILL_AFTER_MIN"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
if [[ ! -f "$WAR" ]]; then
    echo "bench: no $WAR; building it (mvn package)"
    (cd "$PROJECT_DIR" && mvn -B -q -DskipTests package) || die "the build failed"
fi
bench_init cms-crash
copy_war "$WAR" 0

trap 'rc=$?; stop_postgresql; (exit $rc); bench_cleanup' EXIT

# ---- one database: K kills ------------------------------------------------------------------------
SUMMARY=()
crash_database() {
    local db="$1" name acks="$WORK/$1-acks.jsonl" articles="$WORK/$1-articles.txt" port kill_round writer_pid
    local lost_total=0 duplicated_total=0 out
    rm -rf "$WORK/data"
    unset BENCH_DB_URL
    if [[ "$db" == postgresql ]]; then
        start_postgresql "$(mktemp -d "${TMPDIR:-/tmp}/cms-crash-pg.XXXXXX")"
    fi
    bench_database
    name="$DB_NAME"
    : >"$acks"
    echo "== $name: $WRITERS writers, $KILLS kills"
    for kill_round in $(seq 0 "$KILLS"); do
        port="$(free_port)"
        start_payara "$db-$kill_round" "$port"
        wait_ready "$SERVER_PID" "$port" "$SERVER_LOG" "$READY_TIMEOUT"
        if (( kill_round > 0 )); then
            out="$(python3 "$BENCH_DIR/crash_writers.py" check --port "$port" --acks "$acks")" || true
            echo "after kill $kill_round (restarted in $STARTUP_S s): $out"
            [[ "$out" =~ lost=([0-9]+)\ duplicated=([0-9]+) ]] || die "the check printed no result"
            lost_total="${BASH_REMATCH[1]}"
            duplicated_total="${BASH_REMATCH[2]}"
        else
            python3 "$BENCH_DIR/crash_writers.py" setup --port "$port" --articles "$articles" --writers "$WRITERS"
        fi
        if (( kill_round == KILLS )); then
            stop_server "$SERVER_PID"
            break
        fi
        python3 "$BENCH_DIR/crash_writers.py" write --port "$port" --articles "$articles" --acks "$acks" \
            --round "$((kill_round + 1))" >"$WORK/writers.out" 2>&1 &
        writer_pid=$!
        CHILD_PIDS+=("$writer_pid")
        # the random few seconds count from the first save acknowledged in this round (a cold
        # server on a busy machine may take longer than that to answer its first PUT)
        local before waited=0
        before="$(wc -l <"$acks")"
        while (( $(wc -l <"$acks") == before )); do
            (( waited < READY_TIMEOUT * 10 )) || die "no save was acknowledged within $READY_TIMEOUT s"
            sleep 0.1
            waited=$((waited + 1))
        done
        sleep "$(python3 -c "import random; print(round(random.uniform($KILL_AFTER_MIN, $KILL_AFTER_MAX), 2))")"
        # the JVM itself, not its process group's clean shutdown: as a power cut or the OOM killer would
        kill -KILL "$SERVER_PID"
        wait "$writer_pid" 2>/dev/null || true
        echo "kill $((kill_round + 1)): writers $(cat "$WORK/writers.out")"
        stop_server "$SERVER_PID"
    done
    SUMMARY+=("$name: kills=$KILLS acknowledged=$(wc -l <"$acks") lost=$lost_total duplicated=$duplicated_total")
    stop_postgresql
}

for db in $DATABASES; do
    case "$db" in
        h2 | postgresql) crash_database "$db" ;;
        *) die "unknown database '$db' in BENCH_DATABASES (h2, postgresql)" ;;
    esac
done

echo
echo "== summary (acknowledged revisions after every kill, checked after every restart)"
printf '%s\n' "${SUMMARY[@]}"
failed=0
for line in "${SUMMARY[@]}"; do
    [[ "$line" =~ lost=0\ duplicated=0$ ]] || failed=1
done
exit "$failed"
