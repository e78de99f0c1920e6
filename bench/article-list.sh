#!/usr/bin/env bash
# Articles-list benchmark: a throwaway PostgreSQL cluster (Debian's postgresql, initdb/pg_ctl in a
# temp dir, on a free loopback port), the CMS on Payara Micro against it, 100 000 articles × 5
# locales seeded with SQL, then /admin/articles.xhtml measured with wrk as a signed-in editor:
# the first page, a search, filtered views, other orders and a page 20 pages deep.
# Prints p50/p99 per view and the load average. Every process it starts is stopped on exit (the
# cluster with pg_ctl stop); only 127.0.0.1 is ever contacted. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

ARTICLES="${BENCH_ARTICLES:-100000}"
THREADS="${BENCH_THREADS:-1}"
CONNECTIONS="${BENCH_CONNECTIONS:-2}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-30}"
RUN_SECONDS="${BENCH_RUN_SECONDS:-10}"
DEEP_PAGE="${BENCH_DEEP_PAGE:-20}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"
# a statement slower than this is logged by auto_explain with its plan (kept with BENCH_KEEP=1)
SLOW_MS="${BENCH_SLOW_MS:-25}"
TARGET_P99_MS=50
USER_NAME=editor
PASSWORD=demo

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive ARTICLES THREADS CONNECTIONS WARMUP_SECONDS RUN_SECONDS DEEP_PAGE READY_TIMEOUT WAR_WAIT SLOW_MS
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# ---- 1. tools, temp dir (removed on exit with everything started) -----------------------------
ensure_commands wrk wrk psql postgresql-client
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
bench_init cms-list-bench
copy_war "$WAR" "$WAR_WAIT"

# ---- 2. the throwaway cluster ------------------------------------------------------------------
# initdb refuses to run as root: as root, the cluster belongs to Debian's postgres account.
PG_DIR="$WORK/pg"
mkdir -p "$PG_DIR"
as_pg=()
if (( EUID == 0 )); then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres account (apt-get install postgresql)"
    chmod 711 "$WORK"
    chown postgres: "$PG_DIR"
    as_pg=(runuser -u postgres --)
fi
PG_STARTED=0
list_cleanup() {
    local rc=$? pid
    for pid in "${SERVER_PIDS[@]}"; do
        stop_server "$pid"
    done
    if (( PG_STARTED )); then
        "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m fast -w >/dev/null 2>&1 \
            || echo "bench: pg_ctl stop failed; the cluster's log is $PG_DIR/log" >&2
    fi
    (exit "$rc")
    bench_cleanup
}
trap list_cleanup EXIT

PG_PORT="$(free_port)"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U cms --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 start -o "-p $PG_PORT -k $PG_DIR \
    -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c work_mem=16MB -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_wal_size=4GB -c shared_preload_libraries=auto_explain \
    -c auto_explain.log_min_duration=${SLOW_MS}ms -c auto_explain.log_analyze=on" >/dev/null \
    || { cat "$PG_DIR/log" >&2; die "the PostgreSQL cluster did not start"; }
PG_STARTED=1
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U cms)
"${PSQL[@]}" -d postgres -c "create database cms" >/dev/null
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT (fsync off: a throwaway cluster)"

# ---- 3. the application, which migrates the schema ---------------------------------------------
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
DB_PROPS=("-Dcms.db.url=jdbc:postgresql://127.0.0.1:$PG_PORT/cms" "-Dcms.db.user=cms" "-Dcms.db.password=cms")
echo "== starting Payara Micro on 127.0.0.1:$PORT; $(nproc) cores, load average $(loadavg)"
start_payara server "$PORT"
wait_ready "$SERVER_PID" "$PORT" "$SERVER_LOG" "$READY_TIMEOUT"
echo "server ready in $STARTUP_S s (pid $SERVER_PID)"
warn_unless_loopback "$PORT"

# ---- 4. seed ---------------------------------------------------------------------------------
echo "== seeding $ARTICLES articles × 5 locales"
seed_start="$(date +%s%N)"
"${PSQL[@]}" -d cms -v articles="$ARTICLES" -f "$BENCH_DIR/article-list-seed.sql" >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "seeding failed"; }
printf 'seeded in %.1f s: %s articles, %s variants, database %s\n' \
    "$(awk -v a="$seed_start" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')" \
    "$("${PSQL[@]}" -d cms -Atc 'select count(*) from article')" "$("${PSQL[@]}" -d cms -Atc 'select count(*) from variant')" \
    "$("${PSQL[@]}" -d cms -Atc "select pg_size_pretty(pg_database_size('cms'))")"

# ---- 5. sign in as the editor; the session cookie goes with every request ----------------------
COOKIE="$(python3 - "$PORT" "$USER_NAME" "$PASSWORD" <<'EOF'
import http.client, re, sys, urllib.parse
port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
c.request("GET", "/admin/login.xhtml")
page = c.getresponse().read().decode()
form = page[page.index('<form id="login"'):]
form = form[:form.index("</form>")]
fields = {}
for tag in re.findall(r"<input\b[^>]*>", form):
    name = re.search(r'name="([^"]*)"', tag)
    value = re.search(r'value="([^"]*)"', tag)
    if name and 'type="submit"' not in tag:
        fields[name.group(1)] = value.group(1) if value else ""
fields.update({"login:userName": user, "login:password": password, "login:signIn": "pressed"})
c.request("POST", "/admin/login.xhtml", urllib.parse.urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"})
answer = c.getresponse()
answer.read()
cookie = [v.split(";")[0] for k, v in answer.getheaders() if k.lower() == "set-cookie" and v.startswith("JSESSIONID")]
if answer.status not in (302, 303) or not cookie:
    sys.exit("sign-in as %s failed: %d" % (user, answer.status))
print(cookie[0])
EOF
)" || die "could not sign in as $USER_NAME"

# fetch PATH: the page's body, checked: 200 and the articles table
fetch() {
    local body status
    body="$(curl -s -o - -w '\n%{http_code}' -H "Cookie: $COOKIE" "$BASE$1")"
    status="${body##*$'\n'}"
    [[ "$status" == 200 && "$body" == *'id="articles"'* ]] || die "GET $1 answered $status, not the list"
    printf '%s' "${body%$'\n'*}"
}
rows_of() { grep -o '<tr id="article-[0-9]*"' | wc -l; }
next_of() { grep -o '<a [^>]*id="nextPage"[^>]*>' | sed 's/.* href="\([^"]*\)".*/\1/; s/&amp;/\&/g' | head -n 1; }

# a page DEEP_PAGE pages on, by following the next-page links
DEEP="/admin/articles.xhtml"
for _ in $(seq 2 "$DEEP_PAGE"); do
    DEEP="$(fetch "$DEEP" | next_of)"
    [[ -n "$DEEP" ]] || die "fewer than $DEEP_PAGE pages"
done

VIEWS=(
    "first page|/admin/articles.xhtml"
    "search cond42 (1 %)|/admin/articles.xhtml?q=cond42"
    "search term421 (0.1 %)|/admin/articles.xhtml?q=term421"
    "approved in German|/admin/articles.xhtml?state=approved&locale=de"
    "reviewer's, in review|/admin/articles.xhtml?state=in_review&reviewer=reviewer"
    "author admin, topic10|/admin/articles.xhtml?author=admin&topic=topic10"
    "outdated translations|/admin/articles.xhtml?status=outdated"
    "missing a locale (4 demo)|/admin/articles.xhtml?status=missing"
    "due for re-review|/admin/articles.xhtml?due=true"
    "by title|/admin/articles.xhtml?sort=title"
    "by next review|/admin/articles.xhtml?sort=review"
    "page $DEEP_PAGE|$DEEP"
)
for view in "${VIEWS[@]}"; do
    printf '  %-28s %3d rows\n' "${view%%|*}:" "$(fetch "${view#*|}" | rows_of)"
done

# ---- 6. measure --------------------------------------------------------------------------------
server_pids() { echo "$SERVER_PID"; }
echo "== warm-up ${WARMUP_SECONDS} s over the views, then ${RUN_SECONDS} s per view at $THREADS thread(s) / $CONNECTIONS connection(s)"
per_view=$(( WARMUP_SECONDS / ${#VIEWS[@]} ))
(( per_view > 0 )) || per_view=1
for view in "${VIEWS[@]}"; do
    run_wrk "$WORK/wrk-warmup.out" "$per_view" "$THREADS" "$CONNECTIONS" "$BENCH_DIR/get-list.lua" "$BASE${view#*|}" -- "$COOKIE"
done
BAD_ANSWERS=0
SLOWEST_P99=0
SUMMARY=()
for view in "${VIEWS[@]}"; do
    V_RPS=() V_P50=() V_P99=() V_CPU=()
    measure_run V "${view%%|*}" "$WORK/wrk.out" server_pids "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" \
        "$BENCH_DIR/get-list.lua" "$BASE${view#*|}" -- "$COOKIE"
    SUMMARY+=("$(printf '%-28s p50 %6s ms   p99 %6s ms   %5.0f req/s' "${view%%|*}" "$(ms "${V_P50[0]}")" "$(ms "${V_P99[0]}")" "${V_RPS[0]}")")
    (( V_P99[0] > SLOWEST_P99 )) && SLOWEST_P99="${V_P99[0]}"
done

# ---- 7. summary ------------------------------------------------------------------------------
SLOW_STATEMENTS="$(grep -c 'duration: .* ms  plan:' "$PG_DIR/log" 2>/dev/null || true)"
echo
echo "== articles list, $ARTICLES articles × 5 locales on PostgreSQL, $THREADS thread(s) / $CONNECTIONS connection(s) =="
printf '%s\n' "${SUMMARY[@]}"
echo "slowest p99: $(ms "$SLOWEST_P99") ms (target < $TARGET_P99_MS ms); statements over $SLOW_MS ms: ${SLOW_STATEMENTS:-0}; load average $(loadavg)"
if (( BAD_ANSWERS > 0 )); then
    echo "bench: $BAD_ANSWERS requests failed (non-2xx answers or socket errors); the server log ends:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    exit 1
fi
