# Shell functions shared by the benchmarks (sourced, not run): clean-up of everything started,
# the WAR, Payara Micro on a free loopback port, readiness, wrk runs with CPU time per request
# from /proc, medians. Only 127.0.0.1 is ever contacted. See bench/README.md.
#
# A script sets BENCH_DIR and PROJECT_DIR, sources this file, then calls bench_init once.

# the pom's payara.version
PAYARA_VERSION=6.2025.10
BENCH_PAYARA_JAR_DEFAULT="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"

die() { echo "bench: $*" >&2; exit 1; }

# Fails unless every named variable holds a positive whole number.
require_positive() {
    local v
    for v in "$@"; do
        [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
    done
}

# Installs Debian packages that provide missing commands: ensure_command wrk wrk nginx nginx-light
ensure_commands() {
    local missing=()
    while (( $# >= 2 )); do
        command -v "$1" >/dev/null || missing+=("$2")
        shift 2
    done
    (( ${#missing[@]} == 0 )) && return 0
    echo "bench: installing ${missing[*]} (Debian packages)"
    (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >/dev/null || die "could not install ${missing[*]}"
}

# ---- the database: BENCH_DB_URL (PostgreSQL on this machine) or H2 in the temp dir ---------------
# Sets DB_NAME and DB_PROPS (the -D options for the server).
bench_database() {
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
}

# ---- temp dir and clean-up ------------------------------------------------------------------------
# SERVER_PIDS: leaders of process groups started with setsid (servers); stopped as whole groups.
# CHILD_PIDS: plain background children (wrk, loaders, tail).
SERVER_PIDS=()
CHILD_PIDS=()
GRID_OPTIONS=()

alive() { # a process that exists and is not a zombie
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != Z ]]
}

# Stops one server's process group: TERM, up to 30 s, then KILL.
stop_server() {
    local pid="$1" _
    [[ -n "$pid" ]] || return 0
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        alive "$pid" || break
        sleep 0.5
    done
    if alive "$pid"; then
        echo "bench: server $pid did not stop in 30 s, killing it" >&2
    fi
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${SERVER_PIDS[@]}"; do
        [[ "$p" == "$pid" ]] || kept+=("$p")
    done
    SERVER_PIDS=("${kept[@]}")
}

bench_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local pid
    for pid in "${CHILD_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${SERVER_PIDS[@]}"; do
        stop_server "$pid"
    done
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

# Makes the temp dir WORK ($1 names it) and arranges that everything is stopped and removed on exit.
bench_init() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    CLK_TCK="$(getconf CLK_TCK)"
}

# Runs a command in the background and waits for it, so that a signal stops the benchmark at once.
run_child() {
    "$@" &
    local pid=$!
    CHILD_PIDS+=("$pid")
    local rc=0
    wait "$pid" || rc=$?
    return "$rc"
}

# ---- the WAR: wait for the build, take a copy that cannot change under us -------------------------
# copy_war WAR WAIT_SECONDS: copies it to $WORK/cms.war.
copy_war() {
    local war="$1" wait_seconds="$2" waited=0
    until python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(1 if z.testzip() else 0)' "$war" 2>/dev/null; do
        (( waited < wait_seconds )) || die "no complete WAR at $war after ${wait_seconds} s (build it with mvn package)"
        (( waited % 60 == 0 )) && echo "bench: waiting for $war ..."
        sleep 5
        waited=$((waited + 5))
    done
    cp "$war" "$WORK/cms.war"
    python3 -c 'import sys, zipfile; sys.exit(1 if zipfile.ZipFile(sys.argv[1]).testzip() else 0)' "$WORK/cms.war" \
        || die "the WAR changed while it was copied; run again"
}

# free_port: a port free on 127.0.0.1, below the kernel's ephemeral range: a port from that range
# (what binding port 0 gives) may be taken meanwhile by any program's outgoing connection, and
# then the server cannot listen on it.
free_port() {
    python3 - <<'EOF'
import random, socket
try:
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except (OSError, ValueError, IndexError):
    low = 32768
for _ in range(200):
    port = random.randint(10000, max(10001, low - 1))
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()
EOF
}

# ---- Payara Micro ---------------------------------------------------------------------------------
# start_payara NAME PORT [-Dkey=value ...]: starts $WORK/cms.war in demo mode on 127.0.0.1:PORT with
# the project's pre-boot and post-boot commands (or BENCH_POST_BOOT's, to try others); data in
# $WORK/data (H2) unless BENCH_DB_URL is set. Its own Payara root dir per NAME, log in $WORK/NAME.log.
# Alone (--nocluster) unless GRID_OPTIONS (an array) holds the Payara Micro options of a data grid
# to join (bench/cluster.sh). Sets SERVER_PID (the java process) and SERVER_LOG.
start_payara() {
    local name="$1" port="$2"
    shift 2
    local payara_jar="${BENCH_PAYARA_JAR:-$BENCH_PAYARA_JAR_DEFAULT}"
    local pre_boot="$PROJECT_DIR/server-config/pre-boot-commands.asadmin"
    local post_boot="${BENCH_POST_BOOT:-$PROJECT_DIR/server-config/post-boot-commands.asadmin}"
    if [[ ! -f "$payara_jar" && "$payara_jar" == "$BENCH_PAYARA_JAR_DEFAULT" ]]; then
        echo "bench: fetching Payara Micro into the local Maven repository" >&2
        mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION >&2 || true
    fi
    [[ -f "$payara_jar" ]] || die "no Payara Micro jar at $payara_jar"
    [[ -f "$post_boot" ]] || die "no $post_boot"
    local grid=(--nocluster)
    (( ${#GRID_OPTIONS[@]} )) && grid=("${GRID_OPTIONS[@]}")
    mkdir -p "$WORK/data" "$WORK/$name" "$WORK/tmp"
    # BENCH_HEAP_DUMP_DIR: where a server that runs out of heap writes its heap, to be read after the run
    local dump=()
    [[ -n "${BENCH_HEAP_DUMP_DIR:-}" ]] && dump=(-XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$BENCH_HEAP_DUMP_DIR")
    SERVER_LOG="$WORK/$name.log"
    (
        cd "$WORK"
        # The server reads CMS_* environment variables too; the benchmark's -D settings decide alone.
        unset CMS_DB_URL CMS_DB_USER CMS_DB_PASSWORD CMS_DATA_DIR CMS_DEMO
        # cms.http.address: the pre-boot commands bind the HTTP listener to loopback only
        # (--interfaces concerns only the data grid).
        exec setsid java -Xmx1g "${dump[@]}" -Djava.io.tmpdir="$WORK/tmp" -Dcms.http.address=127.0.0.1 \
            -Dcms.data.dir="$WORK/data" -Dcms.demo=true -Dhazelcast.socket.bind.any=false "${DB_PROPS[@]}" "$@" \
            -jar "$payara_jar" --deploy "$WORK/cms.war" --contextroot / --port "$port" "${grid[@]}" \
            --interfaces 127.0.0.1 --rootdir "$WORK/$name" --prebootcommandfile "$pre_boot" --postbootcommandfile "$post_boot"
    ) >"$SERVER_LOG" 2>&1 </dev/null &
    SERVER_PID=$!
    SERVER_PIDS+=("$SERVER_PID")
}

# ---- a throwaway PostgreSQL ------------------------------------------------------------------------
PG_BIN=""
PG_DIR=""
# initdb refuses to run as root: as root, the cluster belongs to Debian's postgres account.
pg_as_owner() {
    if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi
}
# start_postgresql DIR [server option...]: a cluster of its own in DIR on a free loopback port, with
# a database cms owned by the role cms; sets PG_DIR, PG_PORT and BENCH_DB_URL.
start_postgresql() {
    # Debian's server binaries (its pg_ctlcluster is on the path, its initdb is not)
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL server (Debian's package postgresql)"
    PG_DIR="$1"
    shift
    mkdir -p "$PG_DIR"
    (( EUID == 0 )) && chown postgres "$PG_DIR"
    PG_PORT="$(free_port)"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgresql.log" -w \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR $*" start >/dev/null \
        || { cat "$PG_DIR/postgresql.log" >&2; die "PostgreSQL did not start"; }
    pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
        -c "create role cms login password 'cms'" -c "create database cms owner cms" >/dev/null
    BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/cms"
}
# stop_postgresql: stops the cluster start_postgresql made and removes its folder.
stop_postgresql() {
    [[ -n "$PG_DIR" ]] || return 0
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
}

# http_status PORT PATH [user:password]: status of GET PATH on 127.0.0.1:PORT, 000 when it does not answer.
http_status() {
    python3 - "$1" "$2" "${3:-}" <<'EOF'
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

# wait_ready PID PORT LOG TIMEOUT [PATH]: waits until PATH (/health/ready) answers 200; sets STARTUP_S.
wait_ready() {
    local pid="$1" port="$2" log="$3" timeout="$4" path="${5:-/health/ready}"
    local start_ns deadline status=000 up_since=""
    start_ns="$(date +%s%N)"
    deadline=$(( $(date +%s) + timeout ))
    while :; do
        if ! alive "$pid"; then
            echo "bench: the server exited during start-up; its log ends:" >&2
            tail -n 60 "$log" >&2
            exit 1
        fi
        status="$(http_status "$port" "$path")"
        [[ "$status" == 200 ]] && break
        if grep -q 'Exception while loading the app' "$log"; then
            # Payara Micro stays up without the application: no use waiting for readiness.
            echo "bench: the application failed to deploy; the causes in the log:" >&2
            sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^Caused by|SEVERE' | cut -c1-400 | head -n 12 >&2
            exit 1
        fi
        # Payara Micro says it is ready, yet nothing answers: the port is not ours after all
        if [[ "$status" == 000 ]] && grep -q 'Payara Micro .* ready in' "$log"; then
            up_since="${up_since:-$(date +%s)}"
            if (( $(date +%s) - up_since >= 30 )); then
                echo "bench: Payara Micro is up but 127.0.0.1:$port does not answer; on that port:" >&2
                ss -tanp "sport = :$port" 2>/dev/null | head -n 10 >&2
                grep -iE 'BindException|Address already in use' "$log" | head -n 3 >&2
                exit 1
            fi
        fi
        if (( $(date +%s) >= deadline )); then
            echo "bench: not ready after ${timeout} s (last answer: $status); the log ends:" >&2
            tail -n 60 "$log" >&2
            exit 1
        fi
        sleep 1
    done
    STARTUP_S="$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
}

# warn_unless_loopback PORT: the listening socket must be 127.0.0.1 only.
warn_unless_loopback() {
    command -v ss >/dev/null || return 0
    local listening
    listening="$(ss -Htln "sport = :$1" | awk '{ print $4 }' | sort -u | paste -sd' ')"
    [[ "$listening" =~ ^(\[::ffff:)?127\.0\.0\.1\]?:$1$ ]] || echo "bench: warning: port $1 listens on $listening, not only on loopback" >&2
}

# ---- measuring ------------------------------------------------------------------------------------
# cpu_ticks PID...: utime + stime (all threads) of these processes, in clock ticks.
cpu_ticks() {
    local total=0 pid stat f
    for pid in "$@"; do
        stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
        read -r -a f <<<"${stat##*) }" # fields from 3 on; utime and stime are fields 14 and 15
        total=$(( total + f[11] + f[12] ))
    done
    echo "$total"
}

# group_pids PGID: the processes of a process group (a server started with setsid and its children).
group_pids() {
    local file pid stat f
    for file in /proc/[0-9]*/stat; do
        pid="${file#/proc/}"
        pid="${pid%/stat}"
        { stat="$(<"$file")"; } 2>/dev/null || continue
        read -r -a f <<<"${stat##*) }" # field 5 is the process group
        [[ "${f[2]}" == "$1" ]] && echo "$pid"
    done
    return 0
}

field() { sed -n "s/^BENCH .*\\b$2=\\([0-9.]*\\).*/\\1/p" "$1"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms() { awk -v us="$1" 'BEGIN { v = us / 1000; printf (v < 1 ? "%.2f" : "%.1f"), v }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# run_wrk OUT SECONDS THREADS CONNECTIONS SCRIPT URL [wrk options] [-- script args]:
# one wrk run whose Lua done() prints a "BENCH requests=..." line.
run_wrk() {
    local out="$1" seconds="$2" threads="$3" connections="$4" script="$5" url="$6"
    shift 6
    run_child wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$script" "$url" "$@" \
        >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
    grep -q '^BENCH requests=' "$out" || { cat "$out" >&2; die "wrk printed no result"; }
}

# measure_run PREFIX LABEL OUT PIDS_FUNCTION wrk-arguments...: one measured run (run_wrk's
# arguments after OUT), with the CPU time of the processes that PIDS_FUNCTION prints. Prints one
# line, appends to the arrays PREFIX_RPS, PREFIX_P50, PREFIX_P99 and PREFIX_CPU (ms of CPU per
# request), and adds failed answers to BAD_ANSWERS.
measure_run() {
    local prefix="$1" label="$2" out="$3" pids_function="$4"
    shift 4
    local -n rps_="${prefix}_RPS" p50_="${prefix}_P50" p99_="${prefix}_P99" cpu_="${prefix}_CPU"
    local before after rps requests p50 p99 status_errors socket_errors cpu
    before="$(cpu_ticks $("$pids_function"))"
    run_wrk "$out" "$@"
    after="$(cpu_ticks $("$pids_function"))"
    rps="$(field "$out" rps)"
    requests="$(field "$out" requests)"
    p50="$(field "$out" p50_us)"
    p99="$(field "$out" p99_us)"
    status_errors="$(field "$out" status_errors)"
    socket_errors="$(field "$out" socket_errors)"
    (( requests > 0 )) || die "$label made no request"
    cpu="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.4f", t / hz * 1000 / n }')"
    rps_+=("$rps") p50_+=("$p50") p99_+=("$p99") cpu_+=("$cpu")
    BAD_ANSWERS=$(( ${BAD_ANSWERS:-0} + status_errors + socket_errors ))
    printf '%s: %.0f req/s, p50 %s ms, p99 %s ms, %s ms CPU/request (%d requests, %d non-2xx, %d socket errors; load average %s)\n' \
        "$label" "$rps" "$(ms "$p50")" "$(ms "$p99")" "$cpu" "$requests" "$status_errors" "$socket_errors" "$(loadavg)"
}

# medians PREFIX: the medians of the arrays measure_run filled, as PREFIX_M_RPS, PREFIX_M_P50,
# PREFIX_M_P99 and PREFIX_M_CPU.
medians() {
    local prefix="$1" name
    for name in RPS P50 P99 CPU; do
        local -n values_="${prefix}_${name}" median_="${prefix}_M_${name}"
        median_="$(median "${values_[@]}")"
        unset -n values_ median_
    done
}

# run_command_options java|micro PROJECT_DIR: the run command's options (mvn package
# payara-micro:start) as pom.xml's payara-micro plugin gives them, one a line, with the pom's
# properties and ${project.basedir} filled in: "java" the JVM's options, "micro" Payara Micro's
# options without --port (a benchmark picks a free one).
run_command_options() {
    python3 - "$1" "$2" <<'EOF_PY'
import re, sys, xml.etree.ElementTree as ET
kind, project = sys.argv[1], sys.argv[2]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(project + "/pom.xml").getroot()
props = {e.tag.split("}")[1]: (e.text or "") for e in root.find("m:properties", ns)}
props["project.basedir"] = project
fill = lambda s: re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), (s or "").strip())
for plugin in root.iter("{%s}plugin" % ns["m"]):
    if plugin.findtext("m:artifactId", namespaces=ns) != "payara-micro-maven-plugin":
        continue
    config = plugin.find("m:configuration", ns)
    if kind == "java":
        for option in config.find("m:javaCommandLineOptions", ns):
            print(fill(option.findtext("m:value", namespaces=ns)))
    else:
        print("--contextroot")
        print(fill(config.findtext("m:contextRoot", namespaces=ns)))
        for option in config.find("m:commandLineOptions", ns):
            key = fill(option.findtext("m:key", namespaces=ns))
            if key == "--port":
                continue
            print(key)
            value = option.findtext("m:value", namespaces=ns)
            if value is not None:
                print(fill(value))
    break
EOF_PY
}
