#!/usr/bin/env bash
# Benchmark of the Kirin mock server beside a ceiling (a bare Javalin app with the same routes answering fixed JSON).
# Prints every figure of the mock beside the ceiling's, as a ratio. Not part of the test command.
#
#   mock-server/bench/run-benchmark.sh                # full run (about 20 minutes)
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
JIT_WARM=${BENCH_JIT_WARMUP:-20}
STARTS=${BENCH_STARTS:-5}
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx512m"}
WRITE_DOCS=false
[ "${1:-}" = "--write-docs" ] && WRITE_DOCS=true
MOCK_PORT=18080
CEIL_PORT=18081

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

echo "== building the mock jar and the benchmark classes"
mvn -B -q -pl mock-server -am package -DskipTests
mkdir -p "$OUT"
CP="mock-server/target/kirin-mock-server.jar:mock-server/target/test-classes"
java -cp "$CP" io.kirincontract.mock.bench.BenchBodies "$OUT"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start <name> <port> -> sets SERVER_PID; waits for the first 200 on /health; prints ms from process start.
start() {
  local name=$1 port=$2 t0 t1
  t0=$(now_ms)
  if [ "$name" = mock ]; then
    # As the README starts it: with the class-data sharing archive the build wrote (PLAIN=1: without).
    local cds="-XX:SharedArchiveFile=mock-server/target/kirin-mock-server.jsa"
    [ "${PLAIN:-0}" = 1 ] && cds=""
    java $JAVA_OPTS $cds -jar mock-server/target/kirin-mock-server.jar --port "$port" ${BENCH_MOCK_ARGS:-} \
      >"$OUT/$name.log" 2>&1 &
  else
    java $JAVA_OPTS -cp "$CP" io.kirincontract.mock.bench.CeilingServer "$port" >"$OUT/$name.log" 2>&1 &
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

stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# to_ms <wrk latency like 812.00us, 1.20ms, 2.01s>
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "%s", v }'
}

declare -A RPS P50 P99 STARTUP RSS

# load <server> <port> <scenario> <conns> <method> [body] [path]
load() {
  local server=$1 port=$2 scenario=$3 conns=$4 method=$5 body=${6:-} path=${7:-/v1/videos/generations}
  local script="$ROOT/mock-server/bench/post.lua" result
  [ "$method" = GET ] && script="$ROOT/mock-server/bench/get.lua"
  BODY="$body" wrk -t2 -c"$conns" -d"${WARM}s" -s "$script" "http://127.0.0.1:$port$path" >/dev/null
  result=$(BODY="$body" wrk -t2 -c"$conns" -d"${DUR}s" --latency -s "$script" "http://127.0.0.1:$port$path")
  echo "$result" >"$OUT/wrk-$server-$scenario-$conns.txt"
  RPS[$server,$scenario,$conns]=$(echo "$result" | awk '/^Requests\/sec/ {printf "%d", $2}')
  P50[$server,$scenario,$conns]=$(to_ms "$(echo "$result" | awk '$1 == "50%" {print $2}')")
  P99[$server,$scenario,$conns]=$(to_ms "$(echo "$result" | awk '$1 == "99%" {print $2}')")
}

expect_status() {
  local port=$1 body=$2 want=$3 got
  got=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer bench-key' \
    -H 'Content-Type: application/json' --data-binary "@$body" "http://127.0.0.1:$port/v1/videos/generations")
  if [ "$got" != "$want" ]; then echo "expected $want for $(basename "$body"), got $got" >&2; exit 1; fi
}

for server in ceiling mock; do
  port=$CEIL_PORT; [ $server = mock ] && port=$MOCK_PORT
  echo "== $server: start-up ($STARTS runs)"
  times=()
  for _ in $(seq "$STARTS"); do start $server $port; times+=("$STARTUP_MS"); stop; done
  STARTUP[$server]=$(printf '%s\n' "${times[@]}" | median)
  echo "   start-up to healthy: ${times[*]} ms -> median ${STARTUP[$server]} ms"
  if [ $server = mock ]; then
    times=()
    for _ in $(seq "$STARTS"); do PLAIN=1 start $server $port; times+=("$STARTUP_MS"); stop; done
    STARTUP[mock-plain]=$(printf '%s\n' "${times[@]}" | median)
    echo "   without the archive:  ${times[*]} ms -> median ${STARTUP[mock-plain]} ms"
  fi

  start $server $port
  if [ $server = mock ]; then
    expect_status $port "$OUT/text.json" 200
    expect_status $port "$OUT/image.json" 200
    expect_status $port "$OUT/invalid.json" 400
  fi
  task_id=$(curl -s -X POST -H 'Authorization: Bearer bench-key' -H 'Content-Type: application/json' \
    --data-binary "@$OUT/text.json" "http://127.0.0.1:$port/v1/videos/generations" |
    sed -E 's/.*"id":"([^"]+)".*/\1/')
  echo "== $server: JIT warm-up (${JIT_WARM}s per scenario, not measured)"
  for body in text image invalid; do
    BODY="$OUT/$body.json" wrk -t2 -c64 -d"${JIT_WARM}s" -s "$ROOT/mock-server/bench/post.lua" \
      "http://127.0.0.1:$port/v1/videos/generations" >/dev/null
  done
  wrk -t2 -c64 -d"${JIT_WARM}s" -s "$ROOT/mock-server/bench/get.lua" \
    "http://127.0.0.1:$port/v1/videos/generations/$task_id" >/dev/null
  for conns in 16 64; do
    echo "== $server: $conns connections"
    load $server $port create-text $conns POST "$OUT/text.json"
    load $server $port create-image $conns POST "$OUT/image.json"
    load $server $port create-invalid $conns POST "$OUT/invalid.json"
    load $server $port poll $conns GET "" "/v1/videos/generations/$task_id"
  done
  RSS[$server]=$(( $(ps -o rss= -p "$SERVER_PID") / 1024 ))
  stop
done

# The mock once more with --request-log off (its per-request log line is the largest single cost of a poll):
# create-text and poll at 64 connections, after the same JIT warm-up.
echo "== mock --request-log off: JIT warm-up and 64 connections"
BENCH_MOCK_ARGS="${BENCH_MOCK_ARGS:-} --request-log off" start mock $MOCK_PORT
task_id=$(curl -s -X POST -H 'Authorization: Bearer bench-key' -H 'Content-Type: application/json' \
  --data-binary "@$OUT/text.json" "http://127.0.0.1:$MOCK_PORT/v1/videos/generations" |
  sed -E 's/.*"id":"([^"]+)".*/\1/')
# As long a warm-up per scenario as the default server had before its 64-connection runs (about 150 s of load).
BODY="$OUT/text.json" wrk -t2 -c64 -d"$((JIT_WARM * 5))s" -s "$ROOT/mock-server/bench/post.lua" \
  "http://127.0.0.1:$MOCK_PORT/v1/videos/generations" >/dev/null
load mock-quiet $MOCK_PORT create-text 64 POST "$OUT/text.json"
wrk -t2 -c64 -d"$((JIT_WARM * 5))s" -s "$ROOT/mock-server/bench/get.lua" \
  "http://127.0.0.1:$MOCK_PORT/v1/videos/generations/$task_id" >/dev/null
load mock-quiet $MOCK_PORT poll 64 GET "" "/v1/videos/generations/$task_id"
stop

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

REPORT="$OUT/report.md"
{
  echo "| scenario | conns | ceiling req/s | mock req/s | mock/ceiling | ceiling p50 / p99 ms | mock p50 / p99 ms |"
  echo "|---|---|---|---|---|---|---|"
  for scenario in create-text create-image create-invalid poll; do
    for conns in 16 64; do
      c=${RPS[ceiling,$scenario,$conns]}; m=${RPS[mock,$scenario,$conns]}
      echo "| $scenario | $conns | $c | $m | $(ratio "$m" "$c") |" \
        "${P50[ceiling,$scenario,$conns]} / ${P99[ceiling,$scenario,$conns]} |" \
        "${P50[mock,$scenario,$conns]} / ${P99[mock,$scenario,$conns]} |"
    done
  done
  for scenario in create-text poll; do
    c=${RPS[ceiling,$scenario,64]}; m=${RPS[mock-quiet,$scenario,64]}
    echo "| $scenario, mock with --request-log off | 64 | $c | $m | $(ratio "$m" "$c") |" \
      "${P50[ceiling,$scenario,64]} / ${P99[ceiling,$scenario,64]} |" \
      "${P50[mock-quiet,$scenario,64]} / ${P99[mock-quiet,$scenario,64]} |"
  done
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
      "each server first runs every scenario ${JIT_WARM}s at 64 connections (JIT warm-up), then each measured run" \
      "of ${DUR}s follows a ${WARM}s warm-up; wrk -t2, server and load generator on the same machine (loopback)."
    echo
    cat "$REPORT"
    echo
    echo '```'
    cat "$OUT/scale.txt" 2>/dev/null || true
    echo '```'
  } >docs/performance-results.md
  echo "wrote docs/performance-results.md"
fi
