#!/usr/bin/env bash
# Cost of the request journal: create throughput of the mock with --journal on beside --journal off (both with
# --request-log off, so that the journal is the only difference), the two servers taking turns round after round so
# that a slow minute of a shared machine falls on both. Prints each round and the medians of the rounds' ratios: of
# throughput, and of the server's CPU time per request (from /proc, user and system), which a shared, oversubscribed
# machine disturbs far less than throughput. Not part of the test command.
#
#   mock-server/bench/journal-cost.sh                       # about 10 minutes
#   BENCH_ROUNDS=3 BENCH_DURATION=5 mock-server/bench/journal-cost.sh
#
# Needs Java 17, Maven and wrk (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/mock-server/target/bench"
DUR=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-6}
CONNS=${BENCH_CONNS:-64}
# a fresh mock's throughput climbs for a long while under load as C2 compiles (see run-benchmark.sh)
JIT_WARM=${BENCH_JIT_WARMUP:-40}
SETTLE=${BENCH_SETTLE:-3}
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx512m"}
declare -A PORT=([on]=18090 [off]=18091) PID

# shellcheck source=common.sh
source "$ROOT/mock-server/bench/common.sh"
need_wrk
if [ ! -f mock-server/target/kirin-mock-server.jar ] || [ ! -d mock-server/target/test-classes ]; then
  echo "== building the mock jar and the benchmark classes"
  mvn -B -q -pl mock-server -am package -DskipTests -Dkirin.cds.skip=true
fi
mkdir -p "$OUT"
java -cp "mock-server/target/kirin-mock-server.jar:mock-server/target/test-classes" io.kirincontract.mock.bench.BenchBodies "$OUT"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for journal in on off; do
  # a bounded store: rounds of saturating creates would otherwise fill the heap, unevenly between the two
  java $JAVA_OPTS -jar mock-server/target/kirin-mock-server.jar --host 127.0.0.1 --port "${PORT[$journal]}" \
    --request-log off --journal "$journal" >"$OUT/journal-$journal.log" 2>&1 &
  PIDS+=($!)
  PID[$journal]=$!
done
for journal in on off; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$journal]}/health" || true)" = 200 ]; do
    sleep 0.05
  done
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

# wrk_rps <journal> <body> <seconds>: prints "<req/s> <cpu us per request>"; fails on any answer but the expected
wrk_rps() {
  local before after result requests
  before=$(cpu_ticks "${PID[$1]}")
  result=$(BODY="$OUT/$2.json" wrk -t2 -c"$CONNS" -d"$3s" -s "$ROOT/mock-server/bench/post.lua" \
    "http://127.0.0.1:${PORT[$1]}/v1/videos/generations")
  after=$(cpu_ticks "${PID[$1]}")
  if [ "$2" = text ] && echo "$result" | grep -q "Non-2xx"; then
    echo "journal $1: answers other than 200 for creates: $(echo "$result" | grep Non-2xx)" >&2; exit 1
  fi
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  echo "$(echo "$result" | awk '/^Requests\/sec/ {printf "%d", $2}')" \
    "$(awk -v t="$(( after - before ))" -v u="$TICK_US" -v n="$requests" 'BEGIN { printf "%.1f", t * u / n }')"
}

echo "== JIT warm-up: $(( JIT_WARM * 5 / 2 ))s of creates on each server, in turns (not measured)"
# in turns too: warmed one after the other, the first server was still ahead of the second in the measured rounds
for pass in "text $JIT_WARM" "invalid $(( JIT_WARM / 2 ))" "text $JIT_WARM"; do
  for journal in on off; do
    wrk_rps "$journal" ${pass% *} ${pass#* } >/dev/null
  done
done
sleep "$SETTLE"

for scenario in text invalid; do
  echo "== create-$scenario, $CONNS connections, $ROUNDS rounds of ${DUR}s, the servers taking turns"
  declare -A RPS=() CPU=()
  RATIOS=""
  CPU_RATIOS=""
  for round in $(seq "$ROUNDS"); do
    order="on off"; [ $(( round % 2 )) = 0 ] && order="off on"
    for journal in $order; do
      read -r rps cpu < <(wrk_rps "$journal" "$scenario" "$DUR")
      RPS[$journal]+=" $rps"; CPU[$journal]+=" $cpu"
      sleep "$SETTLE"
    done
    on=$(echo "${RPS[on]}" | awk '{print $NF}'); off=$(echo "${RPS[off]}" | awk '{print $NF}')
    con=$(echo "${CPU[on]}" | awk '{print $NF}'); coff=$(echo "${CPU[off]}" | awk '{print $NF}')
    ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')
    cratio=$(awk -v a="$con" -v b="$coff" 'BEGIN { printf "%.3f", a / b }')
    RATIOS+=" $ratio"; CPU_RATIOS+=" $cratio"
    echo "   round $round: journal on $on req/s ($con us CPU per request), off $off req/s ($coff us)," \
      "on/off throughput $ratio, CPU per request $cratio"
  done
  echo "   median: on $(med "${RPS[on]}") req/s $(med "${CPU[on]}") us, off $(med "${RPS[off]}")" \
    "req/s $(med "${CPU[off]}") us; on/off throughput $(med "$RATIOS") (rounds:$RATIOS)," \
    "CPU per request $(med "$CPU_RATIOS") (rounds:$CPU_RATIOS)"
done
uptime
