#!/usr/bin/env bash
# Scale bench: the CMS on PostgreSQL (Debian's package, a throwaway cluster of its own in the temp
# dir), at each size (SCALE_SIZES: 1 000 and 100 000 articles × 5 locales) a new empty database and
# a new server, loaded through its own bulk path: scale_load.py writes the content archive of that
# many articles, POST /api/import/archive loads it. Then, at 16 connections with wrk: reader pages (uncached and cached),
# the locale index (page 1 and 500), search per language (a common and a rare word), the admin
# list, outdated translations, an XLIFF export and the sitemaps; p50/p99 and the CPU per request
# of the application and of PostgreSQL; the database size, the heap after a full GC, the load
# rate; then the large/small p99 ratios and issue 14's targets, met or MISSED, with the slowest
# statements and their plans when one is missed. Every process it starts is stopped on exit;
# only 127.0.0.1 is ever contacted. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SIZES="${SCALE_SIZES:-1000 100000}"
ARCHIVE_WORKERS="${SCALE_ARCHIVE_WORKERS:-2}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-3}"
RUN_SECONDS="${BENCH_RUN_SECONDS:-12}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-300}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
# how long to wait after an import for the translation memory to index the imported translations
BACKLOG_WAIT="${SCALE_BACKLOG_WAIT:-1800}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"
# statements slower than this are logged with their plan by auto_explain
SLOW_MS="${BENCH_SLOW_MS:-20}"
# issue 14's targets
TARGET_RATIO=1.5 TARGET_RATIO_SEARCH=2 TARGET_PAGE_P99_MS=10 TARGET_SEARCH_P99_MS=50
TARGET_LOAD_RATE=2000 TARGET_HEAP_MB=512
# the first admin of each new database (cms.admin.initial-password); the archive's other accounts
# come without a password, so the admin is the one who signs in
ADMIN_PASSWORD="scale-bench-$RANDOM-$RANDOM-admin"
ADMIN="admin:$ADMIN_PASSWORD"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive ARCHIVE_WORKERS BACKLOG_WAIT THREADS CONNECTIONS WARMUP_SECONDS RUN_SECONDS READY_TIMEOUT WAR_WAIT SLOW_MS
for size in $SIZES; do
    [[ "$size" =~ ^[1-9][0-9]*$ ]] || die "SCALE_SIZES must be whole numbers, not '$size'"
done
read -r -a SIZE_LIST <<<"$SIZES"
(( ${#SIZE_LIST[@]} > 0 )) || die "SCALE_SIZES is empty"
prev=0
for size in "${SIZE_LIST[@]}"; do
    (( size > prev )) || die "SCALE_SIZES must grow: the ratios compare the largest with the smallest"
    prev="$size"
done
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# ---- 1. tools, the WAR, temp dir (removed on exit with everything started) ---------------------
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
command -v jcmd >/dev/null || die "jcmd (the JDK's) is needed"
ensure_commands wrk wrk psql postgresql-client curl curl
ensure_commands pg_ctlcluster postgresql
if [[ ! -f "$WAR" ]]; then
    echo "bench: no $WAR; building it (mvn package)"
    (cd "$PROJECT_DIR" && mvn -B -q -DskipTests package) || die "the build failed"
fi
bench_init cms-scale
copy_war "$WAR" "$WAR_WAIT"
chmod 711 "$WORK"

# ---- 2. PostgreSQL: a cluster of its own, statistics of every statement ------------------------
trap 'rc=$?; set +e; stop_postgresql; (exit $rc); bench_cleanup' EXIT
start_postgresql "$WORK/postgresql" -c shared_buffers=512MB -c work_mem=16MB -c max_wal_size=4GB \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c shared_preload_libraries=pg_stat_statements,auto_explain -c pg_stat_statements.max=2000 \
    -c auto_explain.log_min_duration="${SLOW_MS}ms" -c auto_explain.log_analyze=off
bench_database
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cms)
PG_VERSION="$("$PG_BIN/postgres" --version | awk '{ print $3 }')"
echo "== PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (fsync off: a throwaway cluster)"

# ---- 3. per size: a new empty database and a new server (production mode, its first admin) ------
# new_database: the database cms made anew (the server that used it stopped first), with the
# statistics of every statement
new_database() {
    if [[ -n "${SERVER_PID:-}" ]]; then
        stop_server "$SERVER_PID"
        SERVER_PID=""
    fi
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "drop database if exists cms" \
        -c "create database cms owner cms" >/dev/null || die "could not make the database anew"
    "${PSQL[@]}" -c "create extension pg_stat_statements" >/dev/null
}
# start_server: Payara Micro on a new port; no demo content, the account admin with ADMIN_PASSWORD
start_server() {
    PORT="$(free_port)"
    BASE="http://127.0.0.1:$PORT"
    echo "== starting Payara Micro on 127.0.0.1:$PORT; $(nproc) cores, load average $(loadavg)"
    start_payara "server-$1" "$PORT" -Dcms.demo=false "-Dcms.admin.initial-password=$ADMIN_PASSWORD"
}
# server_ready: waits for the server started by start_server; its admin must answer
server_ready() {
    wait_ready "$SERVER_PID" "$PORT" "$SERVER_LOG" "$READY_TIMEOUT"
    echo "server ready in $STARTUP_S s (pid $SERVER_PID)"
    warn_unless_loopback "$PORT"
    local status
    status="$(http_status "$PORT" /api/locales "$ADMIN")"
    [[ "$status" == 200 ]] || die "GET /api/locales as admin answered $status (no cms.admin.initial-password?)"
}

app_pids() { group_pids "$SERVER_PID"; }
# heap_classes SIZE WHEN: what fills the heap after a full GC, the classes with the most bytes (kept
# in the temp dir's heap-SIZE-WHEN.txt and printed), to see what grows with the number of articles
heap_classes() {
    jcmd "$SERVER_PID" GC.class_histogram >"$WORK/heap-$1-$2.txt"
    echo "  heap at $1 articles, $2: the classes with the most bytes (instances, bytes, class)"
    sed -n '4,15p' "$WORK/heap-$1-$2.txt" | awk '{ printf "    %10s %12s  %s\n", $2, $3, $4 }'
}
# pg_ticks: CPU clock ticks of PostgreSQL: the postmaster with the backends it has reaped (its
# children's times: a backend that ends between two readings still counts) and those running
pg_ticks() {
    local pm file stat f total
    pm="$(head -n 1 "$PG_DIR/data/postmaster.pid")"
    stat="$(cat "/proc/$pm/stat")"
    read -r -a f <<<"${stat##*) }" # utime, stime, cutime, cstime are fields 14-17
    total=$(( f[11] + f[12] + f[13] + f[14] ))
    for file in /proc/[0-9]*/stat; do
        { stat="$(<"$file")"; } 2>/dev/null || continue
        read -r -a f <<<"${stat##*) }" # field 4 is the parent
        [[ "${f[1]}" == "$pm" ]] && total=$(( total + f[11] + f[12] ))
    done
    echo "$total"
}

# sign_in USER PASSWORD: the editorial UI's session cookie
sign_in() {
    python3 - "$PORT" "$1" "$2" <<'EOF'
import http.client, re, sys, urllib.parse
port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
c.request("GET", "/admin/login.xhtml")
answer = c.getresponse()
page = answer.read().decode()
# the form's session goes with the sign-in (its view state belongs to it)
first = [v.split(";")[0] for k, v in answer.getheaders() if k.lower() == "set-cookie" and v.startswith("JSESSIONID")]
form = page[page.index('<form id="login"'):]
form = form[:form.index("</form>")]
fields = {}
for tag in re.findall(r"<input\b[^>]*>", form):
    name = re.search(r'name="([^"]*)"', tag)
    value = re.search(r'value="([^"]*)"', tag)
    if name and 'type="submit"' not in tag:
        fields[name.group(1)] = value.group(1) if value else ""
fields.update({"login:userName": user, "login:password": password, "login:signIn": "pressed"})
headers = {"Content-Type": "application/x-www-form-urlencoded"}
if first:
    headers["Cookie"] = first[-1]
c.request("POST", "/admin/login.xhtml", urllib.parse.urlencode(fields), headers)
answer = c.getresponse()
answer.read()
# the session id changes at sign-in: the last one set is the signed-in session, and it goes
# with Payara's JSESSIONIDVERSION (without it the session is not found: a redirect to the sign-in)
jar = {}
for k, v in answer.getheaders():
    if k.lower() == "set-cookie" and v.startswith("JSESSIONID"):
        name, _, value = v.split(";")[0].partition("=")
        jar[name] = value
if "JSESSIONID" not in jar and first:
    jar["JSESSIONID"] = first[-1].partition("=")[2]
cookie = "; ".join("%s=%s" % item for item in jar.items()) if "JSESSIONID" in jar else None
if answer.status not in (302, 303) or not cookie:
    sys.exit("sign-in as %s failed: %d" % (user, answer.status))
c.request("GET", "/admin/articles.xhtml", headers={"Cookie": cookie})
answer = c.getresponse()
answer.read()
if answer.status != 200:
    sys.exit("signed in as %s, the articles list answers %d, not 200" % (user, answer.status))
print(cookie)
EOF
}

# api_ids N: ids of up to 20 articles among the first N items of the API's list (one per locale), as the admin sees them
api_ids() {
    python3 - "$PORT" "$ADMIN" "$1" <<'EOF'
import base64, http.client, json, sys
port, auth, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
c.request("GET", "/api/articles?limit=%d" % n, headers={"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()})
r = c.getresponse()
body = r.read()
if r.status != 200:
    sys.exit("GET /api/articles answered %d" % r.status)
ids = []
for item in json.loads(body)["items"]:  # one item per article and locale
    if item["id"] not in ids:
        ids.append(item["id"])
print("\n".join(str(i) for i in ids[:20]))
EOF
}

# ---- 4. per size: load, then measure ------------------------------------------------------------
declare -A P50 P99 APP_CPU PG_CPU RPS BAD STATUS
declare -A LOAD_RATE DB_SIZE HEAP_MB
LABELS=()
BASIC_ADMIN="Basic $(printf '%s' "$ADMIN" | base64 -w0)"
eval "$(python3 -c '
import sys; sys.path.insert(0, sys.argv[1]); import scale_load as s
print("LOCALES=(%s)" % " ".join(s.LOCALES))
print("declare -A COMMON_WORD=(%s)" % " ".join("[%s]=%s" % (l, s.COMMON[l]) for l in s.LOCALES))
print("declare -A RARE_WORD=(%s)" % " ".join("[%s]=%s" % (l, s.RARE[l]) for l in s.LOCALES))
' "$BENCH_DIR")"
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# split_warm_up FILE: its second half moves to FILE-warm.txt (without .txt), for the warm-up
split_warm_up() {
    local lines
    lines="$(wc -l <"$1")"
    tail -n $(( lines / 2 )) "$1" >"${1%.txt}-warm.txt"
    head -n $(( lines - lines / 2 )) "$1" >"$1.first" && mv "$1.first" "$1"
}

# measure SIZE LABEL PATHS_FILE [HEADER VALUE]: a warm-up, then one measured wrk run
measure() {
    local size="$1" label="$2" paths="$3"
    shift 3
    local out="$WORK/wrk.out" app_before pg_before app_after pg_after requests
    [[ " ${LABELS[*]} " == *" $label "* ]] || LABELS+=("$label")
    local warm="$paths"
    # the uncached pages and the searches warm up on other paths than those measured
    case "$label" in
        page-uncached) warm="$WORK/pages-warm.txt" ;;
        search-*) warm="${paths%.txt}-warm.txt" ;;
    esac
    run_wrk "$out" "$WARMUP_SECONDS" "$THREADS" "$CONNECTIONS" "$BENCH_DIR/get-paths.lua" "$BASE" -- "$warm" "$@"
    app_before="$(cpu_ticks $(app_pids))" pg_before="$(pg_ticks)"
    run_wrk "$out" "$RUN_SECONDS" "$THREADS" "$CONNECTIONS" "$BENCH_DIR/get-paths.lua" "$BASE" -- "$paths" "$@"
    app_after="$(cpu_ticks $(app_pids))" pg_after="$(pg_ticks)"
    requests="$(field "$out" requests)"
    local key="$size|$label" first
    # what the first path answers (wrk counts only 4xx and 5xx as errors: a redirect to the sign-in would pass)
    first="$(head -n 1 "$paths")"
    STATUS[$key]="$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 ${1:+-H "$1: $2"} "$BASE$first" || true)"
    if (( requests == 0 )); then
        # nothing answered within the run: the run's length stands for the latency
        P50[$key]=$((RUN_SECONDS * 1000000)) P99[$key]=$((RUN_SECONDS * 1000000)) RPS[$key]=0 BAD[$key]=0
        APP_CPU[$key]=- PG_CPU[$key]=-
        printf '  %-22s no answer within %s s (%s answers %s)  (load average %s)\n' "$label" "$RUN_SECONDS" "$first" "${STATUS[$key]}" "$(loadavg)"
        return 0
    fi
    P50[$key]="$(field "$out" p50_us)" P99[$key]="$(field "$out" p99_us)" RPS[$key]="$(field "$out" rps)"
    BAD[$key]=$(( $(field "$out" status_errors) + $(field "$out" socket_errors) ))
    APP_CPU[$key]="$(awk -v t=$((app_after - app_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.2f", t / hz * 1000 / n }')"
    PG_CPU[$key]="$(awk -v t=$((pg_after - pg_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.2f", t / hz * 1000 / n }')"
    printf '  %-22s p50 %7s ms  p99 %7s ms  CPU/request app %6s ms + PostgreSQL %6s ms  %6.0f req/s  %6d requests, %d 4xx/5xx or failed, the first path answers %s  (load average %s)\n' \
        "$label" "$(ms "${P50[$key]}")" "$(ms "${P99[$key]}")" "${APP_CPU[$key]}" "${PG_CPU[$key]}" "${RPS[$key]}" \
        "$requests" "${BAD[$key]}" "${STATUS[$key]}" "$(loadavg)"
}
one_path() { printf '%s\n' "$2" >"$WORK/path-$1.txt"; echo "$WORK/path-$1.txt"; }

for size in "${SIZE_LIST[@]}"; do
    echo
    echo "== $size articles × 5 locales: a new database and server (load average $(loadavg))"
    new_database
    start_server "$size"
    # the archive is written while the server starts
    python3 -u "$BENCH_DIR/scale_load.py" archive --to "$size" --workers "$ARCHIVE_WORKERS" \
        --start "$(date -u -d '-200 days' +%Y-%m-%dT00:00:00Z)" --out "$WORK/archive.zip" || die "writing the archive failed"
    server_ready
    echo "-- loading it: POST /api/import/archive (load average $(loadavg))"
    python3 -u "$BENCH_DIR/scale_load.py" import-archive --port "$PORT" --file "$WORK/archive.zip" --articles "$size" \
        --user "${ADMIN%%:*}" --password "${ADMIN#*:}" | tee "$WORK/load.out" \
        || { sed 's/\x1b\[[0-9;]*m//g' "$SERVER_LOG" | grep -E '^Caused by|SEVERE|Exception' | cut -c1-400 | tail -n 20 >&2
             die "loading failed"; }
    rm -f "$WORK/archive.zip"
    LOAD_RATE[$size]="$(sed -n 's/^BENCH .*load_rate=\([0-9.]*\).*/\1/p' "$WORK/load.out")"
    # an import leaves every translation to the translation memory's index, worked off in the
    # background; until it is done an XLIFF export reads every translation of the pair (steady
    # state is measured, and how long the index took is printed)
    waited=0
    while (( $("${PSQL[@]}" -Atc "select count(*) from translation_memory_backlog") > 0 )); do
        (( waited < BACKLOG_WAIT )) || { echo "-- the translation memory is not indexed after $waited s; measuring anyway"; break; }
        sleep 5
        waited=$((waited + 5))
    done
    echo "-- translation memory indexed $waited s after the import (load average $(loadavg))"
    "${PSQL[@]}" -c "vacuum analyze" >/dev/null
    heap_classes "$size" loaded

    # the published reader pages, shuffled (the same order every run); the uncached run takes them
    # from the start and never sees a page twice while the list lasts
    # (percent-encoded, as browsers send them)
    python3 "$BENCH_DIR/scale_load.py" paths --to "$size" | python3 -c '
import random, sys, urllib.parse
paths = [urllib.parse.quote(p) for p in sys.stdin.read().split()]
random.Random(7).shuffle(paths)
print("\n".join(paths))' >"$WORK/pages.txt"
    pages="$(wc -l <"$WORK/pages.txt")"
    tail -n $(( (pages + 1) / 2 )) "$WORK/pages.txt" | tac >"$WORK/pages-warm.txt"
    cached="$(sed -n '$p' "$WORK/pages.txt")"
    api_ids 100 | sed 's|^\(.*\)$|/api/articles/\1/locales/es/xliff|' >"$WORK/xliff.txt"
    [[ -s "$WORK/xliff.txt" ]] || die "no article ids for the XLIFF export"
    COOKIE="$(sign_in "${ADMIN%%:*}" "${ADMIN#*:}")" || die "could not sign in as admin"

    "${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
    echo "-- wrk at $THREADS threads / $CONNECTIONS connections: ${WARMUP_SECONDS} s warm-up, ${RUN_SECONDS} s measured; $pages published pages"
    measure "$size" page-uncached "$WORK/pages.txt"
    measure "$size" page-cached "$(one_path cached "$cached")"
    measure "$size" index-page-1 "$(one_path index1 /en/)"
    measure "$size" index-page-500 "$(one_path index500 '/en/?page=500')"
    for locale in "${LOCALES[@]}"; do
        # each request a different query (the word and one or two more words), so that searches miss
        # the page cache; half of them warm up, the other half are measured
        python3 "$BENCH_DIR/scale_load.py" searches --locale "$locale" --word "${COMMON_WORD[$locale]}" >"$WORK/common-$locale.txt"
        python3 "$BENCH_DIR/scale_load.py" searches --locale "$locale" --word "${RARE_WORD[$locale]}" >"$WORK/rare-$locale.txt"
        split_warm_up "$WORK/common-$locale.txt"
        split_warm_up "$WORK/rare-$locale.txt"
        measure "$size" "search-$locale-common" "$WORK/common-$locale.txt"
        measure "$size" "search-$locale-rare" "$WORK/rare-$locale.txt"
    done
    measure "$size" admin-list "$(one_path admin "/admin/articles.xhtml?q=${COMMON_WORD[en]}&state=published")" Cookie "$COOKIE"
    measure "$size" outdated-es "$(one_path outdated '/api/translations?status=outdated&locale=es')" Authorization "$BASIC_ADMIN"
    measure "$size" xliff-export "$WORK/xliff.txt" Authorization "$BASIC_ADMIN"
    measure "$size" sitemap-index "$(one_path sitemap /sitemap.xml)"
    measure "$size" sitemap-en-1 "$(one_path sitemap-en /sitemaps/en-1.xml)"

    DB_SIZE[$size]="$("${PSQL[@]}" -Atc "select pg_size_pretty(pg_database_size('cms'))")"
    jcmd "$SERVER_PID" GC.run >/dev/null
    HEAP_MB[$size]="$(jcmd "$SERVER_PID" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1 | awk '{ printf "%.0f", $1 / 1024 }')"
    echo "  database $(printf '%s' "${DB_SIZE[$size]}"), heap after a full GC ${HEAP_MB[$size]} MB, loaded at ${LOAD_RATE[$size]} articles/s"
    heap_classes "$size" measured
    "${PSQL[@]}" -Atc "select calls, round(mean_exec_time::numeric, 2), round(total_exec_time::numeric), regexp_replace(query, '\s+', ' ', 'g')
        from pg_stat_statements where dbid = (select oid from pg_database where datname = 'cms')
        order by total_exec_time desc limit 10" >"$WORK/statements-$size.txt"
done

# ---- 5. summary ---------------------------------------------------------------------------------
SMALL="${SIZE_LIST[0]}" LARGE="${SIZE_LIST[-1]}"
# met CONDITION-OK WHAT: met or MISSED (called in $(...): the missed ones are kept in a file)
met() {
    if [[ "$1" == 1 ]]; then echo "met"; else echo "$2" >>"$WORK/missed.txt"; echo "MISSED"; fi
}
: >"$WORK/missed.txt"
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a <= b) ? 1 : 0 }'; }
echo
echo "== scale, PostgreSQL $PG_VERSION, $THREADS threads / $CONNECTIONS connections, $(nproc) cores, load average $(loadavg) =="
header="$(printf '%-22s' request)"
for size in "${SIZE_LIST[@]}"; do header+="$(printf ' | %21s' "$size: p50 / p99 ms") $(printf '%13s' 'CPU app+pg')"; done
(( ${#SIZE_LIST[@]} > 1 )) && header+="$(printf ' | %-18s' "p99 $LARGE/$SMALL")"
echo "$header"
for label in "${LABELS[@]}"; do
    line="$(printf '%-22s' "$label")"
    for size in "${SIZE_LIST[@]}"; do
        key="$size|$label"
        line+="$(printf ' | %9s / %9s %6s+%-6s' "$(ms "${P50[$key]}")" "$(ms "${P99[$key]}")" "${APP_CPU[$key]}" "${PG_CPU[$key]}")"
        if (( BAD[$key] > 0 )); then line+=" (${BAD[$key]} 4xx/5xx)"; fi
        if [[ "${STATUS[$key]}" != 200 ]]; then line+=" (answers ${STATUS[$key]})"; fi
    done
    if (( ${#SIZE_LIST[@]} > 1 )); then
        ratio="$(awk -v a="${P99[$LARGE|$label]}" -v b="${P99[$SMALL|$label]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
        limit="$TARGET_RATIO"
        [[ "$label" == search-* ]] && limit="$TARGET_RATIO_SEARCH"
        line+="$(printf ' | %5s (≤ %s) %s' "$ratio" "$limit" "$(met "$(le "$ratio" "$limit")" "ratio of $label $ratio > $limit")")"
    fi
    echo "$line"
done
for size in "${SIZE_LIST[@]}"; do
    printf '%s articles × 5: database %s, heap after full GC %s MB (< %s: %s), load %s articles/s (≥ %s: %s)\n' "$size" \
        "${DB_SIZE[$size]}" "${HEAP_MB[$size]}" "$TARGET_HEAP_MB" "$(met "$(le "${HEAP_MB[$size]}" $((TARGET_HEAP_MB - 1)))" "heap at $size")" \
        "${LOAD_RATE[$size]}" "$TARGET_LOAD_RATE" "$(met "$(le "$TARGET_LOAD_RATE" "${LOAD_RATE[$size]}")" "load rate at $size")"
done
printf 'at %s: uncached page p99 %s ms (≤ %s: %s)' "$LARGE" "$(ms "${P99[$LARGE|page-uncached]}")" "$TARGET_PAGE_P99_MS" \
    "$(met "$(le "${P99[$LARGE|page-uncached]}" $((TARGET_PAGE_P99_MS * 1000)))" "uncached page p99")"
worst=0
for locale in "${LOCALES[@]}"; do
    for kind in common rare; do
        v="${P99[$LARGE|search-$locale-$kind]}"
        if (( v > worst )); then worst="$v"; fi
    done
done
printf '; slowest search p99 %s ms (≤ %s: %s)\n' "$(ms "$worst")" "$TARGET_SEARCH_P99_MS" \
    "$(met "$(le "$worst" $((TARGET_SEARCH_P99_MS * 1000)))" "search p99")"
[[ "$LARGE" -ge 100000 ]] || echo "(the targets are for 100 000 articles; this run's largest size is $LARGE)"

mapfile -t MISSED <"$WORK/missed.txt"
if (( ${#MISSED[@]} > 0 )); then
    echo
    echo "== ${#MISSED[@]} target(s) missed: $(printf '%s; ' "${MISSED[@]}")"
    echo "-- the statements that took the most time at $LARGE articles (calls | mean ms | total ms | statement):"
    cut -c1-400 "$WORK/statements-$LARGE.txt"
    echo "-- their plans (auto_explain: statements over $SLOW_MS ms, the slowest five):"
    python3 - "$PG_DIR/postgresql.log" <<'EOF'
import re, sys
text = open(sys.argv[1], errors="replace").read()
plans = re.split(r"\n(?=\S.*LOG:  duration: )", text)
found = []
for p in plans:
    m = re.search(r"LOG:  duration: ([0-9.]+) ms  plan:", p)
    if m:
        found.append((float(m.group(1)), p))
found.sort(key=lambda x: -x[0])
seen = set()
for ms, p in found:
    query = re.search(r"Query Text: (.*)", p)
    key = query.group(1)[:200] if query else p[:200]
    if key in seen:
        continue
    seen.add(key)
    print("\n".join(line[:300] for line in p.splitlines()[:40]))
    print()
    if len(seen) == 5:
        break
if not found:
    print("(no statement took longer than the threshold)")
EOF
fi
