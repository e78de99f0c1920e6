#!/usr/bin/env bash
# Start-up time and memory: the median time from launch to a 200 on /health/ready of N starts
# (default 5) of our WAR with the run command's settings (pom.xml's payara-micro plugin, read from
# the pom) and the embedded H2 default, first each with a fresh data folder, then each with the
# data folder an earlier start left; in the same run, N starts of a one-class JAX-RS WAR on the
# same Payara Micro jar with the same settings (the floor: what Payara Micro itself costs), and
# the ratio. Prints the resident memory (VmRSS from /proc) at ready and after an idle pause.
# Every process it starts is stopped; only 127.0.0.1 is contacted. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

STARTS="${BENCH_STARTS:-5}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
IDLE_SECONDS="${BENCH_IDLE_SECONDS:-20}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive STARTS READY_TIMEOUT IDLE_SECONDS WAR_WAIT
command -v python3 >/dev/null || die "python3 is needed"
command -v javac >/dev/null || die "javac (a JDK) is needed"
PAYARA_JAR="${BENCH_PAYARA_JAR:-$BENCH_PAYARA_JAR_DEFAULT}"
[[ -f "$PAYARA_JAR" ]] || die "no Payara Micro jar at $PAYARA_JAR (mvn dependency:resolve fetches it)"
API_JAR="$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
[[ -f "$API_JAR" ]] || die "no $API_JAR (mvn dependency:resolve fetches it)"
bench_init cms-startup
copy_war "$WAR" "$WAR_WAIT"
mkdir -p "$WORK/tmp"

# The run command's options as pom.xml gives them to Payara Micro (java options, then Payara Micro
# options), with the project's properties filled in; --port is left out (each start takes a free
# one). Read from the pom, so that a change there is measured here.
mapfile -t JAVA_OPTIONS < <(run_command_options java "$PROJECT_DIR")
mapfile -t MICRO_OPTIONS < <(run_command_options micro "$PROJECT_DIR")

# The floor: one JAX-RS resource, nothing else, compiled against the Jakarta EE 10 API.
make_floor_war() {
    local src="$WORK/floor-src"
    mkdir -p "$src/floor" "$WORK/floor-classes/WEB-INF/classes"
    cat >"$src/floor/Hello.java" <<'EOF'
package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
@Path("hello")
public class Hello extends Application {
    @GET
    public String hello() {
        return "hello";
    }
}
EOF
    javac -nowarn -d "$WORK/floor-classes/WEB-INF/classes" -cp "$API_JAR" "$src/floor/Hello.java"
    (cd "$WORK/floor-classes" && jar cf "$WORK/floor.war" WEB-INF)
}
make_floor_war

# start WAR PORT LOG DATA_DIR: Payara Micro with the run command's settings; sets SERVER_PID.
start() {
    local war="$1" port="$2" log="$3" data="$4"
    (
        cd "$WORK"
        unset CMS_DB_URL CMS_DB_USER CMS_DB_PASSWORD CMS_DATA_DIR CMS_DEMO
        exec setsid java "${JAVA_OPTIONS[@]}" -Djava.io.tmpdir="$WORK/tmp" -Dcms.data.dir="$data" \
            -jar "$PAYARA_JAR" --deploy "$war" "${MICRO_OPTIONS[@]}" --port "$port"
    ) >"$log" 2>&1 </dev/null &
    SERVER_PID=$!
    SERVER_PIDS+=("$SERVER_PID")
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# one_start LABEL WAR DATA_DIR PATH [idle]: one start until PATH answers 200; appends the seconds
# to TIMES, the RSS at ready to RSS and the CPU seconds the server used until then to CPU; with "idle", waits IDLE_SECONDS more and sets IDLE_RSS.
one_start() {
    local label="$1" war="$2" data="$3" path="$4" idle="${5:-}" port log
    port="$(free_port)"
    log="$WORK/$label.log"
    start "$war" "$port" "$log" "$data"
    wait_ready "$SERVER_PID" "$port" "$log" "$READY_TIMEOUT" "$path"
    local rss cpu idle_note=""
    rss="$(rss_mb "$SERVER_PID")"
    cpu="$(awk -v t="$(cpu_ticks "$SERVER_PID")" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", t / hz }')"
    TIMES+=("$STARTUP_S")
    RSS+=("$rss")
    CPU+=("$cpu")
    if [[ -n "$idle" ]]; then
        sleep "$IDLE_SECONDS"
        IDLE_RSS="$(rss_mb "$SERVER_PID")"
        idle_note=", $IDLE_RSS MB after $IDLE_SECONDS s idle"
    fi
    echo "$label: ready in $STARTUP_S s ($cpu s of CPU), $rss MB resident at ready$idle_note (load average $(loadavg))"
    if grep -q $'^\tat ' "$log"; then
        echo "    its log has a stack trace:"
        grep -m1 -B3 $'^\tat ' "$log" | cut -c1-240 | sed 's/^/    /'
    fi
    [[ "${BENCH_KEEP:-0}" == 1 ]] && cp "$log" "$PROJECT_DIR/target/startup-$label.log" 2>/dev/null
    stop_server "$SERVER_PID"
}

echo "== $STARTS starts each ($(nproc) cores, load average $(loadavg)); java ${JAVA_OPTIONS[*]}"
echo "   payara-micro ${MICRO_OPTIONS[*]}"

TIMES=() RSS=() CPU=()
for n in $(seq 1 "$STARTS"); do
    one_start "floor-$n" "$WORK/floor.war" "$WORK/floor-data" /hello
done
FLOOR_T="$(median "${TIMES[@]}")" FLOOR_RSS="$(median "${RSS[@]}")" FLOOR_CPU="$(median "${CPU[@]}")"

TIMES=() RSS=() CPU=()
for n in $(seq 1 "$STARTS"); do
    rm -rf "$WORK/data"
    one_start "cms-fresh-$n" "$WORK/cms.war" "$WORK/data" /health/ready
done
FRESH_T="$(median "${TIMES[@]}")" FRESH_RSS="$(median "${RSS[@]}")" FRESH_CPU="$(median "${CPU[@]}")"

TIMES=() RSS=() CPU=()
for n in $(seq 1 "$STARTS"); do
    idle=""
    (( n == STARTS )) && idle=idle
    one_start "cms-existing-$n" "$WORK/cms.war" "$WORK/data" /health/ready $idle
done
EXISTING_T="$(median "${TIMES[@]}")" EXISTING_RSS="$(median "${RSS[@]}")" EXISTING_CPU="$(median "${CPU[@]}")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo
echo "median time to ready of $STARTS starts (load average $(loadavg)):"
printf '  %-34s %6s s = %4s x the floor; %5s s CPU = %4s x; %s MB resident at ready\n' \
    "one-class JAX-RS WAR (the floor)" "$FLOOR_T" 1.0 "$FLOOR_CPU" 1.0 "$FLOOR_RSS" \
    "CMS, fresh data folder" "$FRESH_T" "$(ratio "$FRESH_T" "$FLOOR_T")" "$FRESH_CPU" "$(ratio "$FRESH_CPU" "$FLOOR_CPU")" "$FRESH_RSS" \
    "CMS, existing data folder" "$EXISTING_T" "$(ratio "$EXISTING_T" "$FLOOR_T")" "$EXISTING_CPU" "$(ratio "$EXISTING_CPU" "$FLOOR_CPU")" "$EXISTING_RSS"
echo "CMS resident memory idle ($IDLE_SECONDS s after ready): $IDLE_RSS MB"
