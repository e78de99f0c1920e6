#!/usr/bin/env bash
# Sign-in timing: starts the CMS on Payara Micro on 127.0.0.1 (demo mode, H2 in a temp dir) and
# measures, one request at a time, how long a refused sign-in takes for an unknown user name, a
# wrong password and a locked account, over HTTP Basic and through the sign-in form; prints the
# median and quartiles of each. The three should not be told apart (issue 10, item 9). Every
# process it starts is stopped on exit; only 127.0.0.1 is ever contacted. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

ATTEMPTS="${BENCH_ATTEMPTS:-40}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive ATTEMPTS READY_TIMEOUT WAR_WAIT
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
bench_database
bench_init cms-signin-bench
copy_war "$WAR" "$WAR_WAIT"

PORT="$(free_port)"
echo "== starting Payara Micro ($DB_NAME) on 127.0.0.1:$PORT; $(nproc) cores, load average $(loadavg)"
start_payara server "$PORT"
wait_ready "$SERVER_PID" "$PORT" "$SERVER_LOG" "$READY_TIMEOUT"
echo "server ready in $STARTUP_S s (pid $SERVER_PID)"
warn_unless_loopback "$PORT"

echo "== $ATTEMPTS refused sign-ins per case, one at a time; load average $(loadavg)"
run_child python3 -u "$BENCH_DIR/signin_timing.py" --port "$PORT" --attempts "$ATTEMPTS"
echo "load average after: $(loadavg)"
