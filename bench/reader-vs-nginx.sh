#!/usr/bin/env bash
# Reader-site benchmark: one published article page served by the CMS on Payara Micro and, in
# the same run, the very same bytes served by nginx as a static file; then the same page with
# the page cache off (rendered from the database on every request). wrk at 2 threads / 64
# connections, medians of 3 runs; requests/s, p50, p99 and server CPU time per request.
# Every process it starts is stopped on exit; only 127.0.0.1 is ever contacted.
# See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-60}"
NGINX_WARMUP_SECONDS="${BENCH_NGINX_WARMUP_SECONDS:-5}"
# rendering runs through much more code (JPA, templates) that the JIT compiles later
MISS_WARMUP_SECONDS="${BENCH_MISS_WARMUP_SECONDS:-120}"
RUN_SECONDS="${BENCH_RUN_SECONDS:-20}"
RUNS="${BENCH_RUNS:-3}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"
# auto = one worker per core, as nginx is usually run: the JVM also uses every core it likes.
NGINX_WORKERS="${BENCH_NGINX_WORKERS:-auto}"
MISS="${BENCH_MISS:-1}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive THREADS CONNECTIONS WARMUP_SECONDS NGINX_WARMUP_SECONDS MISS_WARMUP_SECONDS RUN_SECONDS RUNS READY_TIMEOUT WAR_WAIT
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"
[[ "$NGINX_WORKERS" == auto || "$NGINX_WORKERS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_NGINX_WORKERS is auto or a number"
[[ "$MISS" == 0 || "$MISS" == 1 ]] || die "BENCH_MISS is 0 or 1"

# ---- 1. tools, database, temp dir (removed on exit with everything started) -------------------
ensure_commands wrk wrk nginx nginx-light
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
bench_database
bench_init cms-reader-bench
copy_war "$WAR" "$WAR_WAIT"
LOAD_START="$(loadavg)"

# ---- 2. the application, with its page cache as configured by default ------------------------
APP_PORT="$(free_port)"
echo "== starting Payara Micro ($DB_NAME) on 127.0.0.1:$APP_PORT; $(nproc) cores, load average $LOAD_START"
start_payara app "$APP_PORT"
APP_PID="$SERVER_PID"
wait_ready "$APP_PID" "$APP_PORT" "$SERVER_LOG" "$READY_TIMEOUT"
echo "application ready in $STARTUP_S s (pid $APP_PID)"
warn_unless_loopback "$APP_PORT"

# ---- 3. publish one demo article, keep the page's bytes --------------------------------------
PAGE_FILE="$WORK/page.html"
python3 "$BENCH_DIR/publish_article.py" --port "$APP_PORT" --out "$PAGE_FILE" >"$WORK/publish.out" 2>&1 \
    || { cat "$WORK/publish.out" >&2; die "could not publish an article"; }
head -n 1 "$WORK/publish.out"
PAGE="$(sed -n 's/^PAGE //p' "$WORK/publish.out")"
[[ "$PAGE" =~ ^/[a-z]{2}/articles/[A-Za-z0-9._~%-]+$ ]] || die "odd page path '$PAGE'"

# ---- 4. nginx: the same bytes as a static file, its own configuration -------------------------
NGX="$WORK/nginx"
NGINX_PORT="$(free_port)"
FILE_PATH="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$PAGE")"
mkdir -p "$NGX/root$(dirname "$FILE_PATH")" "$NGX/temp"
cp "$PAGE_FILE" "$NGX/root$FILE_PATH"
# nginx started as root runs its workers as nobody: they must reach the file through the temp dir
chmod 711 "$WORK" "$NGX"
chmod -R a+rX "$NGX/root"
temp_paths="client_body_temp_path $NGX/temp/body; proxy_temp_path $NGX/temp/proxy;"
for module in fastcgi uwsgi scgi; do
    nginx -V 2>&1 | grep -q -- "--without-http_${module}_module" || temp_paths+=" ${module}_temp_path $NGX/temp/$module;"
done
cat >"$NGX/nginx.conf" <<EOF
# The benchmark's own nginx: foreground (stopped with the benchmark), loopback only, no access log.
daemon off;
worker_processes $NGINX_WORKERS;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # keep-alive is on by nginx's defaults (timeout 75 s, 1000 requests a connection)
    default_type "text/html; charset=UTF-8";
    $temp_paths
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGX/root;
        # the headers the application sends with a page, so both answers weigh the same
        add_header Content-Language en;
        add_header X-Content-Type-Options nosniff;
        add_header Referrer-Policy strict-origin-when-cross-origin;
        add_header Content-Security-Policy "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        add_header Cache-Control no-cache;
    }
}
EOF
nginx -t -q -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" 2>"$NGX/test.out" \
    || { cat "$NGX/test.out" "$NGX/error.log" >&2 2>/dev/null; die "nginx does not accept its configuration"; }
(exec setsid nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log") >"$NGX/stdout.log" 2>&1 </dev/null &
NGINX_PID=$!
SERVER_PIDS+=("$NGINX_PID")
for _ in $(seq 1 100); do
    [[ "$(http_status "$NGINX_PORT" "$PAGE")" == 200 ]] && break
    alive "$NGINX_PID" || { cat "$NGX/error.log" >&2; die "nginx exited"; }
    sleep 0.1
done
warn_unless_loopback "$NGINX_PORT"

# Both must answer the very same bytes, and with 200.
same_bytes() { # PORT: the page's body from that server equals the saved page
    python3 - "$1" "$PAGE" "$PAGE_FILE" <<'EOF'
import http.client, sys
port, path, saved = int(sys.argv[1]), sys.argv[2], open(sys.argv[3], "rb").read()
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
c.request("GET", path)
r = c.getresponse()
body = r.read()
sys.exit(0 if r.status == 200 and body == saved else 1)
EOF
}
same_bytes "$APP_PORT" || die "the application's page changed between two requests"
same_bytes "$NGINX_PORT" || die "nginx does not answer the page's bytes"
echo "page $PAGE: $(wc -c <"$PAGE_FILE") bytes, the same from the application (127.0.0.1:$APP_PORT) and nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') (127.0.0.1:$NGINX_PORT, worker_processes $NGINX_WORKERS)"

app_pids() { echo "$APP_PID"; }
nginx_pids() { group_pids "$NGINX_PID"; } # the master and all its workers
BAD_ANSWERS=0
APP_RPS=() APP_P50=() APP_P99=() APP_CPU=()
NGINX_RPS=() NGINX_P50=() NGINX_P99=() NGINX_CPU=()
MISS_RPS=() MISS_P50=() MISS_P99=() MISS_CPU=()
LUA="$BENCH_DIR/get-page.lua"

# ---- 5. cached page: application and nginx, runs taking turns --------------------------------
echo "== GET $PAGE: warm-up ${WARMUP_SECONDS} s (application) and ${NGINX_WARMUP_SECONDS} s (nginx), then $RUNS runs of ${RUN_SECONDS} s each at $THREADS threads / $CONNECTIONS connections"
run_wrk "$WORK/wrk-app-warmup.out" "$WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$APP_PORT$PAGE"
printf 'application warm-up: %.0f req/s\n' "$(field "$WORK/wrk-app-warmup.out" rps)"
run_wrk "$WORK/wrk-nginx-warmup.out" "$NGINX_WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$NGINX_PORT$PAGE"
printf 'nginx warm-up: %.0f req/s\n' "$(field "$WORK/wrk-nginx-warmup.out" rps)"
for run in $(seq 1 "$RUNS"); do
    measure_run APP "application run $run" "$WORK/wrk-app-$run.out" app_pids \
        "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$APP_PORT$PAGE"
    measure_run NGINX "nginx run $run      " "$WORK/wrk-nginx-$run.out" nginx_pids \
        "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$NGINX_PORT$PAGE"
done
medians APP
medians NGINX
LOAD_CACHED="$(loadavg)"

# ---- 6. the page cache off: the same page rendered from the database on every request -------
if [[ "$MISS" == 1 ]]; then
    stop_server "$APP_PID"
    stop_server "$NGINX_PID"
    MISS_PORT="$(free_port)"
    echo "== restarting the application with cms.site.cache-bytes=0 (no page is kept) on 127.0.0.1:$MISS_PORT"
    start_payara app-uncached "$MISS_PORT" -Dcms.site.cache-bytes=0
    MISS_PID="$SERVER_PID"
    wait_ready "$MISS_PID" "$MISS_PORT" "$SERVER_LOG" "$READY_TIMEOUT"
    echo "application ready in $STARTUP_S s (pid $MISS_PID)"
    [[ "$(http_status "$MISS_PORT" "$PAGE")" == 200 ]] || die "the page is gone after the restart"
    miss_pids() { echo "$MISS_PID"; }
    echo "== GET $PAGE, page cache off: warm-up ${MISS_WARMUP_SECONDS} s, then $RUNS runs of ${RUN_SECONDS} s"
    run_wrk "$WORK/wrk-miss-warmup.out" "$MISS_WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$MISS_PORT$PAGE"
    printf 'warm-up: %.0f req/s\n' "$(field "$WORK/wrk-miss-warmup.out" rps)"
    for run in $(seq 1 "$RUNS"); do
        measure_run MISS "uncached run $run" "$WORK/wrk-miss-$run.out" miss_pids \
            "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$LUA" "http://127.0.0.1:$MISS_PORT$PAGE"
    done
    medians MISS
fi

# ---- 7. summary ------------------------------------------------------------------------------
line() { # LABEL PREFIX
    local -n r="$2_M_RPS" a="$2_M_P50" b="$2_M_P99" c="$2_M_CPU"
    printf '%-34s %7.0f req/s   p50 %6s ms   p99 %6s ms   %7.4f ms CPU/request\n' "$1" "$r" "$(ms "$a")" "$(ms "$b")" "$c"
}
verdict() { # VALUE OP GOAL LIMIT-OP LIMIT: met, "not met" or "NOT DONE" (beyond the limit)
    awk -v v="$1" -v g="$3" -v l="$5" -v op="$2" 'BEGIN {
        if (op == ">=") { met = v >= g; done = v >= l } else { met = v <= g; done = v <= l }
        print met ? "met" : done ? "not met (within the limit)" : "NOT MET (beyond the limit)" }'
}
# Each application run against the nginx run right after it, so that a busy spell of the machine
# weighs on both sides of a ratio; the target is judged by the median of these ratios.
PAIR_RATIOS=()
for i in "${!APP_RPS[@]}"; do
    PAIR_RATIOS+=("$(awk -v a="${APP_RPS[$i]}" -v n="${NGINX_RPS[$i]}" 'BEGIN { printf "%.2f", a / n }')")
done
RATIO="$(awk -v r="$(median "${PAIR_RATIOS[@]}")" 'BEGIN { printf "%.2f", r }')"
RATIO_OF_MEDIANS="$(awk -v a="$APP_M_RPS" -v n="$NGINX_M_RPS" 'BEGIN { printf "%.2f", a / n }')"
CPU_RATIO="$(awk -v a="$APP_M_CPU" -v n="$NGINX_M_CPU" 'BEGIN { printf "%.1f", (n > 0 ? a / n : 0) }')"
echo
echo "== Reader page benchmark ($DB_NAME): GET $PAGE, $(wc -c <"$PAGE_FILE") bytes =="
echo "medians of $RUNS runs of ${RUN_SECONDS} s at $THREADS wrk threads / $CONNECTIONS connections; $(nproc) cores"
line "application, page cache" APP
line "nginx $NGINX_WORKERS worker(s), static file" NGINX
[[ "$MISS" == 1 ]] && line "application, page cache off" MISS
echo "app/nginx requests/s, run by run: ${PAIR_RATIOS[*]}; ratio of the medians: $RATIO_OF_MEDIANS"
echo "app/nginx requests/s, median of the runs' ratios: $RATIO (target >= 0.5, limit 0.3): $(verdict "$RATIO" '>=' 0.5 '>=' 0.3)"
echo "app CPU per cached page: $APP_M_CPU ms, ${CPU_RATIO}x nginx's (target <= 0.05 ms, limit 0.2): $(verdict "$APP_M_CPU" '<=' 0.05 '<=' 0.2)"
echo "app p99 at $CONNECTIONS connections: $(ms "$APP_M_P99") ms (target < 20): $(verdict "$APP_M_P99" '<=' 20000 '<=' 20000)"
if [[ "$MISS" == 1 ]]; then
    echo "app CPU per page rendered from the database: $MISS_M_CPU ms (target < 0.5): $(verdict "$MISS_M_CPU" '<=' 0.5 '<=' 0.5)"
fi
echo "load average: $LOAD_START at the start, $LOAD_CACHED after the cached runs, $(loadavg) at the end"
if (( BAD_ANSWERS > 0 )); then
    echo "bench: $BAD_ANSWERS requests failed (non-2xx answers or socket errors)" >&2
    exit 1
fi
