#!/usr/bin/env bash
# A cluster on this machine: Debian's PostgreSQL (a database cluster of its own on a free port, in
# the temp dir), three instances of the WAR on one data grid of their own, and nginx in front with
# the project's server-config/nginx-cluster.conf, all on 127.0.0.1. Prints:
#   1. requests/s and p99 of a cached reader page through nginx against one instance directly (wrk);
#   2. publish-to-visible latency on every instance (p50, p99, max over BENCH_PUBLISHES publishes);
#   3. once per cluster: publications scheduled for the same moment, which all three instances'
#      schedulers poll every second: each must go live once and its re-review reminder be mailed once;
#   4. one instance killed with kill -9 under mixed load (readers through nginx, editors saving
#      with If-Match through nginx): failed reader requests, failed saves, acknowledged saves
#      missing afterwards (must be 0), and how long nginx went on sending requests to the dead one.
# Every process it starts is stopped and the temp dir removed. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

PUBLISHES="${BENCH_PUBLISHES:-100}"
VISIBLE_TIMEOUT="${BENCH_VISIBLE_TIMEOUT:-2}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-20}"
RUN_SECONDS="${BENCH_RUN_SECONDS:-20}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WRITERS="${BENCH_WRITERS:-4}"
LOAD_SECONDS="${BENCH_LOAD_SECONDS:-40}"
KILL_AFTER="${BENCH_KILL_AFTER:-15}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-300}"
SCHEDULED="${BENCH_SCHEDULED:-30}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive PUBLISHES SCHEDULED VISIBLE_TIMEOUT WARMUP_SECONDS RUN_SECONDS THREADS CONNECTIONS WRITERS LOAD_SECONDS KILL_AFTER READY_TIMEOUT
(( KILL_AFTER < LOAD_SECONDS )) || die "BENCH_KILL_AFTER must be below BENCH_LOAD_SECONDS"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
ensure_commands wrk wrk nginx nginx-light
ensure_commands pg_ctlcluster postgresql
if [[ ! -f "$WAR" ]]; then
    echo "bench: no $WAR; building it (mvn package)"
    (cd "$PROJECT_DIR" && mvn -B -q -DskipTests package) || die "the build failed"
fi
bench_init cms-cluster
copy_war "$WAR" 0
# PostgreSQL (as user postgres when run as root) and nginx's workers reach their folders through the temp dir
chmod 711 "$WORK"

# ---- PostgreSQL: a database cluster of its own under the temp dir ---------------------------------
# errexit off in the trap: the benchmark's own failure status must still reach bench_cleanup (which
# stops the instances and nginx and removes the temp dir) and the caller
trap 'rc=$?; set +e; stop_postgresql; (exit $rc); bench_cleanup' EXIT
start_postgresql "$WORK/postgresql" -c max_connections=200
bench_database
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT"

# ---- a mailbox: what the instances mail, one line per recipient ----------------------------------------
MAIL_PORT="$(free_port)"
python3 "$BENCH_DIR/cluster_once.py" mailbox --port "$MAIL_PORT" --out "$WORK/mailbox.tsv" >"$WORK/mailbox.log" 2>&1 &
CHILD_PIDS+=("$!")

# ---- three instances on one data grid ---------------------------------------------------------------
CLUSTER="cms-bench-$$"
HTTP_PORTS=() GRID_PORTS=() PIDS=() LOGS=()
for i in 0 1 2; do
    HTTP_PORTS+=("$(free_port)")
    GRID_PORTS+=("$(free_port)")
done
MEMBERS="tcpip:127.0.0.1:${GRID_PORTS[0]},127.0.0.1:${GRID_PORTS[1]},127.0.0.1:${GRID_PORTS[2]}"
# grid_members PORT: how many grid members the instance says it sees in its readiness check (0: no answer)
grid_members() {
    python3 - "$1" <<'EOF'
import http.client, json, sys
try:
    c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=5)
    c.request("GET", "/health/ready")
    checks = json.loads(c.getresponse().read()).get("checks", [])
    print(next((int(k["data"]["members"]) for k in checks if k.get("name") == "cluster"), 0))
except Exception:
    print(0)
EOF
}
start_member() { # INDEX DEMO
    GRID_OPTIONS=(--name "cms-$1" --clustername "$CLUSTER" --clustermode "$MEMBERS" --startport "${GRID_PORTS[$1]}"
        --nohostaware --disablephonehome)
    # every instance looks for due schedules, re-reviews and mail every second; every published
    # article is due for re-review soon, so that each publication is followed by one reminder
    start_payara "member-$1" "${HTTP_PORTS[$1]}" "-Dcms.demo=$2" -Dcms.cluster.expected-members=2 \
        -Dcms.schedule.poll-seconds=1 -Dcms.mail.re-review-check=PT1S -Dcms.review.due-soon=P400D \
        -Dcms.mail.host=127.0.0.1 -Dcms.mail.port="$MAIL_PORT" -Dcms.mail.poll-seconds=1
    PIDS[$1]="$SERVER_PID"
    LOGS[$1]="$SERVER_LOG"
}
# the first creates the schema and the demo users; the other two start once it is up, in parallel.
# Each expects a second member, as the README's commands do, so the first is live before it is ready.
start_member 0 true
wait_ready "${PIDS[0]}" "${HTTP_PORTS[0]}" "${LOGS[0]}" "$READY_TIMEOUT" /health/live
start_member 1 false
start_member 2 false
for i in 0 1 2; do
    wait_ready "${PIDS[$i]}" "${HTTP_PORTS[$i]}" "${LOGS[$i]}" "$READY_TIMEOUT"
    echo "instance $i (127.0.0.1:${HTTP_PORTS[$i]}) ready"
    warn_unless_loopback "${HTTP_PORTS[$i]}"
done
# ready says "at least 2": the figures need every instance to see all three
for i in 0 1 2; do
    seen=0
    for _ in $(seq 1 60); do
        seen="$(grid_members "${HTTP_PORTS[$i]}")"
        (( seen == 3 )) && break
        sleep 1
    done
    (( seen == 3 )) || die "instance $i sees $seen grid members, not 3; see ${LOGS[$i]}"
done
echo "grid $CLUSTER: 3 members on 127.0.0.1:${GRID_PORTS[*]}"

# ---- nginx: the project's configuration, the instances' ports ----------------------------------------
NGX="$WORK/nginx"
NGINX_PORT="$(free_port)"
mkdir -p "$NGX/temp"
chmod 711 "$NGX"
sed -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" \
    -e "s/server 127\.0\.0\.1:8081 /server 127.0.0.1:${HTTP_PORTS[0]} /" \
    -e "s/server 127\.0\.0\.1:8082 /server 127.0.0.1:${HTTP_PORTS[1]} /" \
    -e "s/server 127\.0\.0\.1:8083 /server 127.0.0.1:${HTTP_PORTS[2]} /" \
    "$PROJECT_DIR/server-config/nginx-cluster.conf" >"$NGX/cms-cluster.conf"
grep -q "listen 127.0.0.1:$NGINX_PORT;" "$NGX/cms-cluster.conf" || die "server-config/nginx-cluster.conf has no 'listen 80;'"
temp_paths="client_body_temp_path $NGX/temp/body; proxy_temp_path $NGX/temp/proxy;"
for module in fastcgi uwsgi scgi; do
    nginx -V 2>&1 | grep -q -- "--without-http_${module}_module" || temp_paths+=" ${module}_temp_path $NGX/temp/$module;"
done
cat >"$NGX/nginx.conf" <<EOF
# The benchmark's own nginx: foreground (stopped with the benchmark), loopback only.
daemon off;
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events {
    worker_connections 4096;
}
http {
    # when each request was answered and which instances it was sent to: how long nginx went on
    # sending to the killed instance
    log_format cluster '\$msec \$status \$upstream_addr';
    access_log $NGX/access.log cluster buffer=256k flush=1s;
    $temp_paths
    include $NGX/cms-cluster.conf;
}
EOF
nginx -t -q -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" 2>"$NGX/test.out" \
    || { cat "$NGX/test.out" "$NGX/error.log" >&2 2>/dev/null; die "nginx does not accept its configuration"; }
(exec setsid nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log") >"$NGX/stdout.log" 2>&1 </dev/null &
NGINX_PID=$!
SERVER_PIDS+=("$NGINX_PID")
for _ in $(seq 1 100); do
    [[ "$(http_status "$NGINX_PORT" /health/ready)" == 200 ]] && break
    alive "$NGINX_PID" || { cat "$NGX/error.log" >&2; die "nginx exited"; }
    sleep 0.1
done
warn_unless_loopback "$NGINX_PORT"
echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1:$NGINX_PORT in front of the three"

# ---- 1. a cached page: through nginx, and one instance directly ---------------------------------------
python3 "$BENCH_DIR/publish_article.py" --port "${HTTP_PORTS[0]}" --out "$WORK/page.html" >"$WORK/publish.out"
PAGE="$(sed -n 's/^PAGE //p' "$WORK/publish.out")"
[[ "$PAGE" =~ ^/[a-z]{2}/articles/[A-Za-z0-9._~%-]+$ ]] || die "odd page path '$PAGE'"
LUA="$BENCH_DIR/get-page.lua"
echo
echo "== 1. GET $PAGE: warm-up ${WARMUP_SECONDS} s each, then ${RUN_SECONDS} s each at $THREADS threads / $CONNECTIONS connections"
run_wrk "$WORK/wrk-warm-direct.out" "$WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:${HTTP_PORTS[0]}$PAGE"
run_wrk "$WORK/wrk-warm-nginx.out" "$WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$NGINX_PORT$PAGE"
report() { # LABEL OUT
    printf '%-32s %8.0f req/s   p50 %6s ms   p99 %6s ms   (%d non-2xx, %d socket errors)\n' "$1" "$(field "$2" rps)" \
        "$(ms "$(field "$2" p50_us)")" "$(ms "$(field "$2" p99_us)")" "$(field "$2" status_errors)" "$(field "$2" socket_errors)"
}
run_wrk "$WORK/wrk-direct.out" "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:${HTTP_PORTS[0]}$PAGE"
run_wrk "$WORK/wrk-nginx.out" "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$NGINX_PORT$PAGE"
report "one instance, directly" "$WORK/wrk-direct.out"
report "nginx over three instances" "$WORK/wrk-nginx.out"
echo "(one machine of $(nproc) cores runs wrk, nginx and all three JVMs: the cluster adds availability here, not capacity)"

# ---- 2. publish-to-visible on every instance -------------------------------------------------------
echo
echo "== 2. publish-to-visible: $PUBLISHES publishes, each through the next instance, the page read on all three every 5 ms"
VISIBLE_RC=0
python3 "$BENCH_DIR/cluster_publish.py" --ports "$(IFS=,; echo "${HTTP_PORTS[*]}")" --count "$PUBLISHES" \
    --timeout "$VISIBLE_TIMEOUT" || VISIBLE_RC=$?

# ---- 3. once per cluster ------------------------------------------------------------------------------
echo
echo "== 3. once per cluster: $SCHEDULED publications scheduled for one moment, each through the next instance; all three poll every second"
ONCE_RC=0
python3 "$BENCH_DIR/cluster_once.py" schedule --ports "$(IFS=,; echo "${HTTP_PORTS[*]}")" --count "$SCHEDULED" \
    >"$WORK/once.out" || ONCE_RC=$?
TITLES="$(sed -n 's/^TITLES //p' "$WORK/once.out")"
ARTICLES="$(sed -n 's/^ARTICLES //p' "$WORK/once.out")"
[[ -n "$TITLES" && "$ARTICLES" =~ ^[0-9,]+$ ]] || { cat "$WORK/once.out" >&2; die "the schedules were not made"; }
sql() { pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cms -qtAX -c "$1"; }
REMINDER="Re-review due: $TITLES"
# the reminders mailed: "recipient<TAB>subject" lines; each article's reminder goes to every medical reviewer
mailed() { awk -F'\t' -v s="$REMINDER" 'index($2, s) == 1' "$WORK/mailbox.tsv"; }
for _ in $(seq 1 60); do
    (( $(mailed | cut -f2 | sort -u | wc -l) >= SCHEDULED )) && break
    sleep 1
done
sleep 3 # further polls of every instance, which must find nothing left to do
read -r PUBLICATIONS PUBLISHED_ARTICLES < <(sql "select count(*), count(distinct article_id) from audit_event
    where action = 'publish' and article_id in ($ARTICLES)" | tr '|' ' ')
read -r QUEUED QUEUED_ONCE QUEUED_ARTICLES < <(sql "select count(*), count(distinct (recipient, subject)),
    count(distinct subject) from mail_outbox where subject like '$REMINDER%'" | tr '|' ' ')
MAILED="$(mailed | wc -l)"
MAILED_ONCE="$(mailed | sort -u | wc -l)"
MAILED_ARTICLES="$(mailed | cut -f2 | sort -u | wc -l)"
printf 'scheduled: %d; published: %d articles, %d publications (%d twice)\n' "$SCHEDULED" "$PUBLISHED_ARTICLES" \
    "$PUBLICATIONS" "$(( PUBLICATIONS - PUBLISHED_ARTICLES ))"
printf 're-review reminders: for %d articles, %d queued (%d twice), %d mailed (%d twice)\n' "$MAILED_ARTICLES" \
    "$QUEUED" "$(( QUEUED - QUEUED_ONCE ))" "$MAILED" "$(( MAILED - MAILED_ONCE ))"
ONCE="$(( ONCE_RC == 0 && PUBLISHED_ARTICLES == SCHEDULED && PUBLICATIONS == SCHEDULED && QUEUED_ARTICLES == SCHEDULED
    && QUEUED == QUEUED_ONCE && MAILED_ARTICLES == SCHEDULED && MAILED == MAILED_ONCE && MAILED == QUEUED ))"

# ---- 4. kill -9 of one instance under mixed load ----------------------------------------------------
echo
echo "== 4. readers ($THREADS threads / $CONNECTIONS connections) and $WRITERS editors saving with If-Match, all through nginx, ${LOAD_SECONDS} s; instance 1 killed with kill -9 after ${KILL_AFTER} s"
python3 "$BENCH_DIR/crash_writers.py" setup --port "$NGINX_PORT" --articles "$WORK/articles.txt" --writers "$WRITERS"
: >"$WORK/acks.jsonl"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s --latency -s "$LUA" "http://127.0.0.1:$NGINX_PORT$PAGE" \
    >"$WORK/wrk-kill.out" 2>&1 &
READERS_PID=$!
CHILD_PIDS+=("$READERS_PID")
python3 "$BENCH_DIR/crash_writers.py" write --port "$NGINX_PORT" --articles "$WORK/articles.txt" --acks "$WORK/acks.jsonl" \
    --round 1 --seconds "$LOAD_SECONDS" >"$WORK/writers.out" 2>&1 &
WRITERS_PID=$!
CHILD_PIDS+=("$WRITERS_PID")
sleep "$KILL_AFTER"
KILLED_AT="$(date +%s.%N)"
kill -KILL "${PIDS[1]}"
{ wait "${PIDS[1]}"; } 2>/dev/null || true # reaped here, without the shell's "Killed" line
wait "$READERS_PID" || true
wait "$WRITERS_PID" || true
grep -q '^BENCH requests=' "$WORK/wrk-kill.out" || { cat "$WORK/wrk-kill.out" >&2; die "wrk printed no result"; }
sleep 2 # nginx flushes its log every second
CHECK="$(python3 "$BENCH_DIR/crash_writers.py" check --port "$NGINX_PORT" --acks "$WORK/acks.jsonl")" || true
WRITES="$(cat "$WORK/writers.out")"
[[ "$WRITES" =~ acknowledged=([0-9]+)\ conflicts=([0-9]+)\ other=([0-9]+) ]] || die "the writers printed no result: $WRITES"
ACKED="${BASH_REMATCH[1]}" CONFLICTS="${BASH_REMATCH[2]}" OTHER="${BASH_REMATCH[3]}"
[[ "$CHECK" =~ lost=([0-9]+) ]] || die "the check printed no result: $CHECK"
LOST="${BASH_REMATCH[1]}"
DEAD=":${HTTP_PORTS[1]}"
read -r TRIED LAST_MS AFTER_WINDOW < <(awk -v killed="$KILLED_AT" -v dead="$DEAD" '
    # $upstream_addr lists every instance a request was sent to: "127.0.0.1:P1, 127.0.0.1:P2"
    $1 >= killed { hit = 0; for (i = 3; i <= NF; i++) if ($i ~ (dead ",?$")) hit = 1 }
    $1 >= killed && hit { n++; d = ($1 - killed) * 1000; if (d < 10000) { if (d > last) last = d } else later++ }
    END { printf "%d %.0f %d\n", n, last, later }' "$NGX/access.log")
printf 'readers: %d requests, %d failed (%d non-2xx, %d socket errors), p99 %s ms\n' "$(field "$WORK/wrk-kill.out" requests)" \
    "$(( $(field "$WORK/wrk-kill.out" status_errors) + $(field "$WORK/wrk-kill.out" socket_errors) ))" \
    "$(field "$WORK/wrk-kill.out" status_errors)" "$(field "$WORK/wrk-kill.out" socket_errors)" "$(ms "$(field "$WORK/wrk-kill.out" p99_us)")"
printf 'editors: %d saves acknowledged, %d failed (%d refused by If-Match, %d other answers)\n' "$ACKED" \
    "$(( CONFLICTS + OTHER ))" "$CONFLICTS" "$OTHER"
printf 'acknowledged saves missing afterwards: %d (must be 0)\n' "$LOST"
printf 'nginx sent %d requests to the killed instance after the kill (each then went to another instance);\n' "$TRIED"
printf '  the last within fail_timeout %s ms after the kill; %d later (one try each time fail_timeout ends)\n' "$LAST_MS" "$AFTER_WINDOW"

echo
echo "== summary"
echo "publish-to-visible: $( (( VISIBLE_RC == 0 )) && echo "every instance within ${VISIBLE_TIMEOUT} s" || echo "some instance stale after ${VISIBLE_TIMEOUT} s (see above)")"
echo "once per cluster: $( (( ONCE )) && echo "each of $SCHEDULED schedules published once and reminded once" || echo "NOT once (see above)")"
echo "acknowledged saves lost to kill -9: $LOST"
(( LOST == 0 && VISIBLE_RC == 0 && ONCE ))
