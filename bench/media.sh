#!/usr/bin/env bash
# Renditions of a 12-megapixel JPEG: starts the CMS on Payara Micro on 127.0.0.1 (demo mode, H2 in
# a temp dir unless BENCH_DB_URL names a PostgreSQL), makes photo-like 12 MP JPEGs (4000 x 3000,
# bench/PhotoLike.java), uploads them one at a time to POST /api/media, which re-encodes each and
# makes its renditions (320/640/1024/1600 wide) before it answers, and prints renditions per second
# and the server's CPU time per rendition, the median of BENCH_ROUNDS rounds. Every process it
# starts is stopped on exit; only 127.0.0.1 is ever contacted. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

IMAGES="${BENCH_IMAGES:-8}"
ROUNDS="${BENCH_ROUNDS:-3}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
WAR_WAIT="${BENCH_WAR_WAIT:-900}"
WAR="${BENCH_WAR:-$PROJECT_DIR/target/cms.war}"

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

require_positive IMAGES ROUNDS READY_TIMEOUT WAR_WAIT
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
bench_database
bench_init cms-media-bench
copy_war "$WAR" "$WAR_WAIT"

echo "== making $((IMAGES * ROUNDS)) photo-like JPEGs of 4000 x 3000 pixels (each different: the library deduplicates)"
mkdir -p "$WORK/images"
for ((i = 1; i <= IMAGES * ROUNDS; i++)); do
    run_child java -Djava.awt.headless=true "$BENCH_DIR/PhotoLike.java" "$WORK/images/photo-$i.jpg" 4000 3000 "$i"
done

PORT="$(free_port)"
echo "== starting Payara Micro ($DB_NAME) on 127.0.0.1:$PORT; $(nproc) cores, load average $(loadavg)"
start_payara server "$PORT"
wait_ready "$SERVER_PID" "$PORT" "$SERVER_LOG" "$READY_TIMEOUT"
echo "server ready in $STARTUP_S s (pid $SERVER_PID)"
warn_unless_loopback "$PORT"
PIDS="$(group_pids "$SERVER_PID" | paste -sd,)"

echo "== warm-up: one upload"
java -Djava.awt.headless=true "$BENCH_DIR/PhotoLike.java" "$WORK/images/warm-up.jpg" 4000 3000 0
run_child python3 -u "$BENCH_DIR/media_upload.py" --port "$PORT" --pids "$PIDS" --label warm-up "$WORK/images/warm-up.jpg" >/dev/null

for ((round = 1; round <= ROUNDS; round++)); do
    echo "== round $round: $IMAGES uploads one at a time; load average $(loadavg)"
    files=()
    for ((i = (round - 1) * IMAGES + 1; i <= round * IMAGES; i++)); do files+=("$WORK/images/photo-$i.jpg"); done
    run_child python3 -u "$BENCH_DIR/media_upload.py" --port "$PORT" --pids "$PIDS" --label "round$round" "${files[@]}" \
        | tee "$WORK/round$round.txt"
    echo "load average after: $(loadavg)"
done

rate=() cpu=() upload=()
for ((round = 1; round <= ROUNDS; round++)); do
    rate+=("$(field "$WORK/round$round.txt" renditions_per_s)")
    cpu+=("$(field "$WORK/round$round.txt" cpu_ms_per_rendition)")
    upload+=("$(field "$WORK/round$round.txt" ms_per_upload)")
done
echo
echo "== summary ($DB_NAME, 12 MP JPEG uploads, medians of $ROUNDS rounds of $IMAGES; load average now $(loadavg))"
echo "renditions per second:        $(median "${rate[@]}")   (rounds: ${rate[*]})"
echo "server CPU per rendition, ms: $(median "${cpu[@]}")   (rounds: ${cpu[*]})"
echo "wall time per upload, ms:     $(median "${upload[@]}")   (rounds: ${upload[*]}; the upload's decoding and re-encoding of the original is in it)"
