#!/usr/bin/env bash
# Start-up reliability: starts the CMS N times (default 30), one after the other, with the run
# command's settings (pom.xml's payara-micro plugin) on a free loopback port each time, and counts
# the starts that serve: a first 200 on /health/ready within the timeout. Prints "S of N served"
# and the median time to ready. Every process it starts is stopped; only 127.0.0.1 is contacted.
# See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

STARTS="${BENCH_STARTS:-30}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive STARTS READY_TIMEOUT WAR_WAIT
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
PAYARA_JAR="${BENCH_PAYARA_JAR:-$BENCH_PAYARA_JAR_DEFAULT}"
[[ -f "$PAYARA_JAR" ]] || die "no Payara Micro jar at $PAYARA_JAR (mvn dependency:resolve fetches it)"
bench_init cms-starts
copy_war "$WAR" "$WAR_WAIT"
mkdir -p "$WORK/data" "$WORK/tmp"

# The run command of the README (mvn package payara-micro:start), as pom.xml gives it to Payara
# Micro, on a given port; the H2 data folder is kept from one start to the next, as a user's is.
start_as_run_command() {
    local port="$1" log="$2"
    (
        cd "$WORK"
        unset CMS_DB_URL CMS_DB_USER CMS_DB_PASSWORD CMS_DATA_DIR CMS_DEMO
        exec setsid java -Xmx512m -Dcms.http.address=127.0.0.1 -Dhazelcast.socket.bind.any=false \
            -Djava.io.tmpdir="$WORK/tmp" -Dcms.data.dir="$WORK/data" \
            -jar "$PAYARA_JAR" --deploy "$WORK/cms.war" --contextroot / --port "$port" \
            --prebootcommandfile "$PROJECT_DIR/server-config/pre-boot-commands.asadmin" \
            --postbootcommandfile "$PROJECT_DIR/server-config/post-boot-commands.asadmin" \
            --logproperties "$PROJECT_DIR/server-config/logging.properties" \
            --nocluster --interfaces 127.0.0.1
    ) >"$log" 2>&1 </dev/null &
    SERVER_PID=$!
    SERVER_PIDS+=("$SERVER_PID")
}

echo "== $STARTS starts of the run command ($(nproc) cores, load average $(loadavg)); ready timeout $READY_TIMEOUT s"
served=0
self_stopped=0
times=()
for n in $(seq 1 "$STARTS"); do
    port="$(free_port)"
    log="$WORK/start-$n.log"
    start_ns="$(date +%s%N)"
    start_as_run_command "$port" "$log"
    deadline=$(( $(date +%s) + READY_TIMEOUT ))
    outcome=""
    while [[ -z "$outcome" ]]; do
        if [[ "$(http_status "$port" /health/ready)" == 200 ]]; then
            seconds="$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
            times+=("$seconds")
            served=$((served + 1))
            outcome="served, ready in $seconds s"
        elif ! alive "$SERVER_PID"; then
            if grep -q 'this instance serves nothing' "$log"; then
                self_stopped=$((self_stopped + 1))
                outcome="DID NOT SERVE: stopped itself (listener check)"
            else
                outcome="DID NOT SERVE: exited during start-up"
            fi
        elif (( $(date +%s) >= deadline )); then
            outcome="DID NOT SERVE within $READY_TIMEOUT s"
        else
            sleep 0.5
        fi
    done
    listening="$(ss -Htln "sport = :$port" 2>/dev/null | awk '{ print $4 }' | sort -u | paste -sd' ')"
    echo "start $n: $outcome (port $port, listening on: ${listening:-nothing}; load average $(loadavg))"
    if [[ "$outcome" == DID* ]]; then
        sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'SEVERE|Network Listener|ready in' | cut -c1-300 | tail -n 8 | sed 's/^/    /'
        cp "$log" "$PROJECT_DIR/target/starts-failed-$n.log" 2>/dev/null || true
    fi
    stop_server "$SERVER_PID"
done

median_ready="-"
(( ${#times[@]} > 0 )) && median_ready="$(median "${times[@]}")"
echo
echo "$served of $STARTS served; median time to ready $median_ready s; $self_stopped stopped themselves by the listener check"
(( served == STARTS ))
