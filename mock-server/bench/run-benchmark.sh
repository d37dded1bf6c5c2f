#!/usr/bin/env bash
# Benchmark of the Kirin mock server beside a ceiling (a bare Javalin app with the same routes answering fixed JSON).
# Prints every figure of the mock beside the ceiling's, as a ratio. Not part of the test command.
#
# The servers run side by side and take turns: each scenario is run ROUNDS times on the ceiling, then the mock (then
# the mock with --request-log off, where it is measured), so that a slow minute of a shared machine falls on both
# sides of a ratio; the ratio printed is the median of the rounds' ratios, with their range.
#
#   mock-server/bench/run-benchmark.sh                # full run (about 25 minutes)
#   BENCH_DURATION=5 mock-server/bench/run-benchmark.sh
#   mock-server/bench/run-benchmark.sh --write-docs   # also rewrites docs/performance-results.md
#
# Needs Java 17, Maven and wrk (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/mock-server/target/bench"
DUR=${BENCH_DURATION:-10}
WARM=${BENCH_WARMUP:-3}
# Before anything is measured, each server runs every scenario this long: the mock has far more code for the JIT to
# compile than the ceiling, and on 2 cores C2 is still busy after a few seconds of load.
# Measured on 2 cores: a fresh mock's create throughput climbs for about 100 s of saturating load (0.9k, 4.7k, 5.7k,
# 9.6k, 13.8k, 17.1k, 24.9k req/s in 10-second steps) while C2 competes with 64 busy request threads.
JIT_WARM=${BENCH_JIT_WARMUP:-45}
STARTS=${BENCH_STARTS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
# After a run that created tasks on a mock, its lifecycle still moves them to completed for a few seconds (a default
# 5 s task finishes 4.5 s after it was created): wait, so that this work does not fall on the next server's run.
SETTLE=${BENCH_SETTLE:-6}
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx512m"}
WRITE_DOCS=false
[ "${1:-}" = "--write-docs" ] && WRITE_DOCS=true
MOCK_PORT=18080
CEIL_PORT=18081
QUIET_PORT=18082

# shellcheck source=common.sh
source "$ROOT/mock-server/bench/common.sh"
need_wrk

echo "== building the mock jar and the benchmark classes"
mvn -B -q -pl mock-server -am package -DskipTests
mkdir -p "$OUT"
CP="mock-server/target/kirin-mock-server.jar:mock-server/target/test-classes"
java -cp "$CP" io.kirincontract.mock.bench.BenchBodies "$OUT"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT


# start <name> <port> -> sets SERVER_PID; waits for the first 200 on /health; prints ms from process start.
# Names: ceiling; mock (as the README starts it: its JVM options, with the class-data sharing archive); mock-plain
# (plain java -jar: no archive, no options); mock-quiet (with --request-log off).
start() {
  local name=$1 port=$2 t0 t1
  t0=$(now_ms)
  if [ "$name" = ceiling ]; then
    java $JAVA_OPTS -cp "$CP" io.kirincontract.mock.bench.CeilingServer "$port" >"$OUT/$name.log" 2>&1 &
  else
    local opts args=""
    opts=$(readme_java_opts)
    [ "$name" = mock-plain ] && opts=""
    [ "$name" = mock-quiet ] && args="--request-log off"
    java $JAVA_OPTS $opts -jar mock-server/target/kirin-mock-server.jar --port "$port" ${BENCH_MOCK_ARGS:-} $args \
      >"$OUT/$name.log" 2>&1 &
  fi
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "$name died; see $OUT/$name.log" >&2; exit 1; fi
    sleep 0.005
  done
  t1=$(now_ms)
  STARTUP_MS=$(( t1 - t0 ))
}

stop() { local pid=${1:-$SERVER_PID}; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }


declare -A RPS P50 P99 RATIOS STARTUP RSS PORT

# load <server> <scenario> <conns> <round> -> RPS/P50/P99[server,scenario,conns] gain this round's figure (a list)
load() {
  local server=$1 scenario=$2 conns=$3 round=$4 port=${PORT[$1]} script body="" path=/v1/videos/generations result
  script="$ROOT/mock-server/bench/post.lua"
  case $scenario in
    create-*) body="$OUT/${scenario#create-}.json" ;;
    poll) script="$ROOT/mock-server/bench/get.lua"; path="/v1/videos/generations/${TASK[$server]}" ;;
  esac
  BODY="$body" wrk -t2 -c"$conns" -d"${WARM}s" -s "$script" "http://127.0.0.1:$port$path" >/dev/null
  result=$(BODY="$body" wrk -t2 -c"$conns" -d"${DUR}s" --latency -s "$script" "http://127.0.0.1:$port$path")
  echo "$result" >"$OUT/wrk-$server-$scenario-$conns-$round.txt"
  RPS[$server,$scenario,$conns]+=" $(echo "$result" | awk '/^Requests\/sec/ {printf "%d", $2}')"
  P50[$server,$scenario,$conns]+=" $(to_ms "$(echo "$result" | awk '$1 == "50%" {print $2}')")"
  P99[$server,$scenario,$conns]+=" $(to_ms "$(echo "$result" | awk '$1 == "99%" {print $2}')")"
  if [ "$server" != ceiling ] && [ "$scenario" != poll ]; then sleep "$SETTLE"; fi
}

# last <list> -> its last word
last() { echo "$1" | awk '{print $NF}'; }
# medi <list> -> the median as a whole number; medms <list> -> the median to two decimals
medi() { awk -v m="$(med "$1")" 'BEGIN { printf "%d", m + 0.5 }'; }
medms() { awk -v m="$(med "$1")" 'BEGIN { printf "%.2f", m }'; }

echo "== start-up: $STARTS rounds of ceiling, mock, mock without its class-data sharing archive"
declare -A TIMES
for _ in $(seq "$STARTS"); do
  for server in ceiling mock mock-plain; do
    start $server $MOCK_PORT; TIMES[$server]+=" $STARTUP_MS"; stop
  done
done
for server in ceiling mock mock-plain; do
  STARTUP[$server]=$(medi "${TIMES[$server]}")
  echo "   $server:${TIMES[$server]} ms -> median ${STARTUP[$server]} ms"
done

PORT=([ceiling]=$CEIL_PORT [mock]=$MOCK_PORT [mock-quiet]=$QUIET_PORT)
declare -A TASK SERVER
for server in ceiling mock mock-quiet; do
  start $server "${PORT[$server]}"
  SERVER[$server]=$SERVER_PID
  if [ $server != ceiling ]; then
    expect_status "${PORT[$server]}" "$OUT/text.json" 200
    expect_status "${PORT[$server]}" "$OUT/image.json" 200
    expect_status "${PORT[$server]}" "$OUT/invalid.json" 400
  fi
  TASK[$server]=$(curl -s -X POST -H 'Authorization: Bearer bench-key' -H 'Content-Type: application/json' \
    --data-binary "@$OUT/text.json" "http://127.0.0.1:${PORT[$server]}/v1/videos/generations" |
    sed -E 's/.*"id":"([^"]+)".*/\1/')
done

echo "== JIT warm-up: each server runs each scenario ${JIT_WARM}s at 64 connections (not measured)"
for server in ceiling mock mock-quiet; do
  for body in text image invalid; do
    BODY="$OUT/$body.json" wrk -t2 -c64 -d"${JIT_WARM}s" -s "$ROOT/mock-server/bench/post.lua" \
      "http://127.0.0.1:${PORT[$server]}/v1/videos/generations" >/dev/null
  done
  wrk -t2 -c64 -d"${JIT_WARM}s" -s "$ROOT/mock-server/bench/get.lua" \
    "http://127.0.0.1:${PORT[$server]}/v1/videos/generations/${TASK[$server]}" >/dev/null
done
sleep "$SETTLE"

# The mock with --request-log off (its per-request log line is the largest single cost of a poll) is measured on
# create-text and poll at 64 connections only.
for conns in 16 64; do
  for scenario in create-text create-image create-invalid poll; do
    servers="ceiling mock"
    [ $conns = 64 ] && { [ $scenario = create-text ] || [ $scenario = poll ]; } && servers="ceiling mock mock-quiet"
    echo "== $scenario, $conns connections: $ROUNDS rounds of $servers"
    for round in $(seq "$ROUNDS"); do
      for server in $servers; do load $server $scenario $conns "$round"; done
      c=$(last "${RPS[ceiling,$scenario,$conns]}")
      for server in $servers; do
        [ $server = ceiling ] && continue
        m=$(last "${RPS[$server,$scenario,$conns]}")
        RATIOS[$server,$scenario,$conns]+=" $(awk -v a="$m" -v b="$c" 'BEGIN { printf "%.3f", a / b }')"
      done
      echo "   round $round: $(for server in $servers; do printf '%s %s req/s  ' $server "$(last "${RPS[$server,$scenario,$conns]}")"; done)"
    done
  done
done
for server in ceiling mock mock-quiet; do
  RSS[$server]=$(( $(ps -o rss= -p "${SERVER[$server]}") / 1024 ))
  stop "${SERVER[$server]}"
done


# row <label> <server> <scenario> <conns>: medians of the rounds; the ratio is the median of the rounds' ratios
row() {
  local label=$1 server=$2 scenario=$3 conns=$4 ratios=${RATIOS[$2,$3,$4]}
  echo "| $label | $conns | $(medi "${RPS[ceiling,$scenario,$conns]}") | $(medi "${RPS[$server,$scenario,$conns]}") |" \
    "$(awk -v r="$(med "$ratios")" 'BEGIN { printf "%.2f", r }') ($(echo "$ratios" | tr ' ' '\n' | grep -v '^$' | sort -g | sed -n '1p;$p' | xargs printf '%.2f ' | sed 's/ $//; s/ /–/')) |" \
    "$(medms "${P50[ceiling,$scenario,$conns]}") / $(medms "${P99[ceiling,$scenario,$conns]}") |" \
    "$(medms "${P50[$server,$scenario,$conns]}") / $(medms "${P99[$server,$scenario,$conns]}") |"
}

REPORT="$OUT/report.md"
{
  echo "| scenario | conns | ceiling req/s | mock req/s | mock/ceiling (range of $ROUNDS rounds) | ceiling p50 / p99 ms | mock p50 / p99 ms |"
  echo "|---|---|---|---|---|---|---|"
  for scenario in create-text create-image create-invalid poll; do
    for conns in 16 64; do row "$scenario" mock $scenario $conns; done
  done
  for scenario in create-text poll; do row "$scenario, mock with --request-log off" mock-quiet $scenario 64; done
  echo
  echo "| figure | ceiling | mock | mock/ceiling |"
  echo "|---|---|---|---|"
  echo "| start-up to first 200 on /health (median of $STARTS) | ${STARTUP[ceiling]} ms | ${STARTUP[mock]} ms | $(ratio "${STARTUP[mock]}" "${STARTUP[ceiling]}") |"
  echo "| start-up, mock without its class-data sharing archive | ${STARTUP[ceiling]} ms | ${STARTUP[mock-plain]} ms | $(ratio "${STARTUP[mock-plain]}" "${STARTUP[ceiling]}") |"
  echo "| resident memory after load | ${RSS[ceiling]} MiB | ${RSS[mock]} MiB | $(ratio "${RSS[mock]}" "${RSS[ceiling]}") |"
} >"$REPORT"

echo
echo "== scale (tasks held in a 512 MB heap) and callback deliveries"
java -Xmx512m -cp "$CP" io.kirincontract.mock.ScaleBench 2>"$OUT/scale.err" | tee "$OUT/scale.txt" || echo "(scale bench failed)"

echo
cat "$REPORT"

if $WRITE_DOCS; then
  {
    echo "# Benchmark results"
    echo
    echo "Written by \`mock-server/bench/run-benchmark.sh --write-docs\` on $(date -u +%Y-%m-%dT%H:%MZ)."
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
      "$(java -version 2>&1 | sed -n 1p); wrk $(wrk -v 2>&1 | sed -n 1p | awk '{print $2}');" \
      "the servers run side by side; each first runs every scenario ${JIT_WARM}s at 64 connections (JIT warm-up)," \
      "then every scenario is run in $ROUNDS rounds, each server in turn (a measured run of ${DUR}s after a ${WARM}s" \
      "warm-up; ${SETTLE}s after a mock's create runs for its tasks to finish); figures are medians of the rounds;" \
      "wrk -t2, servers and load generator on the same machine (loopback)."
    echo
    cat "$REPORT"
    echo
    echo '```'
    cat "$OUT/scale.txt" 2>/dev/null || true
    echo '```'
  } >docs/performance-results.md
  echo "wrote docs/performance-results.md"
fi
