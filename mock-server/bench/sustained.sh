#!/usr/bin/env bash
# Sustained benchmark: the mock beside a ceiling (a bare Javalin app with the same routes answering fixed JSON),
# WireMock (default, and with its request journal off) and Prism (static mocking from the spec), all up at once.
# For each scenario, each server in turn is warmed (30 s for the first scenario, 15 s after) and then measured for
# 10 s at 64 connections, in 3 rounds (BENCH_ROUNDS) that take turns over the servers, so that each server's window
# lies beside the ceiling's: a ratio to the ceiling is the median of the rounds' ratios, and a figure the median of
# its rounds (on a shared machine the load of neighbours moves between minutes more than a change moves the mock).
# The servers stay up, so the mock's store fills as a shared mock's does (creates rotate over 64 keys). Also: the first 5 s after a cold start (ceiling against mock), create with a 1 MB image, and the
# mock's heap in use after a full collection once the run has filled its store. Prints one table with ratios to the
# ceiling and every target of docs/performance.md as met or missed; last, the mock's store is filled to its cap of
# 1,000,000 tasks (BENCH_FULL_STORE) and create and poll are measured again with it full. Not part of the test
# command.
#
#   mock-server/bench/sustained.sh                 # about 30 minutes
#   BENCH_DURATION=5 BENCH_WARMUP=5 BENCH_FIRST_WARMUP=5 mock-server/bench/sustained.sh   # a quick try
#   BENCH_SERVERS="ceiling mock" MOCK_JAVA_OPTS="-XX:-UseZGC -XX:+UseParallelGC" mock-server/bench/sustained.sh
#       # the mock alone beside the ceiling, with other JVM options (collectors compared side by side); targets that
#       # need a server left out print "not measured"
#   BENCH_WRK_NICE=-15 mock-server/bench/sustained.sh   # wrk ahead of the servers' threads for the cores (as root)
#
# Installs what it needs: wrk (Debian), WireMock standalone (Maven Central), Prism CLI (npm), into target/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/mock-server/target/bench"
TOOLS="$OUT/tools"
DUR=${BENCH_DURATION:-10}
FIRST_WARM=${BENCH_FIRST_WARMUP:-30}
WARM=${BENCH_WARMUP:-15}
CONNS=${BENCH_CONNS:-64}
COLD_ROUNDS=${BENCH_COLD_ROUNDS:-3}
ROUNDS=${BENCH_ROUNDS:-3}
# BENCH_WRK_NICE=-15: wrk runs at that priority (nice; below 0 needs root), so that a server's runnable threads do not
# take the load generator's share of the cores: the p99 is then the server's more than the client's wait for a core
WRK_NICE=""
[ -n "${BENCH_WRK_NICE:-}" ] && WRK_NICE="nice -n $BENCH_WRK_NICE"
WIREMOCK_VERSION=3.13.2
PRISM_VERSION=5.16.0
# shellcheck source=common.sh
source "$ROOT/mock-server/bench/common.sh"

need_wrk
echo "== building the mock jar and the benchmark classes"
mvn -B -q -pl mock-server -am package -DskipTests
mkdir -p "$OUT" "$TOOLS"
CP="mock-server/target/kirin-mock-server.jar:mock-server/target/test-classes"
java -cp "$CP" io.kirincontract.mock.bench.BenchBodies "$OUT"
SERVERS=${BENCH_SERVERS:-ceiling mock mock-quiet wiremock-static wiremock prism}
# the mock starts as the README starts it (its JVM options), then MOCK_JAVA_OPTS (which may turn a README option off)
read -r -a MOCK_OPTS <<<"$(readme_java_opts) ${MOCK_JAVA_OPTS:-}"
WIREMOCK_JAR="$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar"
if [[ " $SERVERS " == *" wiremock"* ]] && [ ! -f "$WIREMOCK_JAR" ]; then
  echo "== fetching WireMock $WIREMOCK_VERSION (Maven Central)"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" -DoutputDirectory="$TOOLS"
fi
PRISM="$TOOLS/prism/node_modules/.bin/prism"
if [[ " $SERVERS " == *" prism "* ]] && [ ! -x "$PRISM" ]; then
  echo "== installing Prism $PRISM_VERSION (npm)"
  mkdir -p "$TOOLS/prism"
  npm install --prefix "$TOOLS/prism" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
fi

declare -A PORT=([ceiling]=18101 [mock]=18102 [mock-quiet]=18103 [wiremock-static]=18104 [wiremock]=18105 [prism]=18106)
declare -A PID LABEL=(
  [ceiling]="bare Javalin (ceiling)" [mock]="kirin mock (as the README starts it)"
  [mock-quiet]="kirin mock, --request-log off" [wiremock-static]="WireMock $WIREMOCK_VERSION, --no-request-journal"
  [wiremock]="WireMock $WIREMOCK_VERSION, default" [prism]="Prism $PRISM_VERSION, static, silent")
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start <server> [port]: starts it in the background (PID[server]); waits for its first 200
start() {
  local server=$1 port=${2:-${PORT[$1]}} check=/health
  # WireMock and Prism have no /health: their first 200 is a stubbed poll
  case $server in wiremock*|prism) check=/v1/videos/generations/bench ;; esac
  case $server in
    ceiling) exec java -cp "$CP" io.kirincontract.mock.bench.CeilingServer "$port" ;;
    mock) exec java "${MOCK_OPTS[@]}" -jar mock-server/target/kirin-mock-server.jar --port "$port" ;;
    mock-quiet) exec java "${MOCK_OPTS[@]}" -jar mock-server/target/kirin-mock-server.jar --port "$port" --request-log off ;;
    wiremock-static)
      exec java -jar "$WIREMOCK_JAR" --port "$port" --bind-address 127.0.0.1 --root-dir "$OUT/wiremock" --disable-banner \
        --no-request-journal ;;
    wiremock)
      exec java -jar "$WIREMOCK_JAR" --port "$port" --bind-address 127.0.0.1 --root-dir "$OUT/wiremock" --disable-banner ;;
    prism)
      exec "$PRISM" mock -p "$port" -h 127.0.0.1 -v silent spec/kirin-api.yaml ;;
  esac >"$OUT/$server.log" 2>&1 &
  PID[$server]=$!
  PIDS+=("$!")
  wait_http "$port" "$check" "${PID[$server]}" "$server"
}

stop() { kill "${PID[$1]}" 2>/dev/null || true; wait "${PID[$1]}" 2>/dev/null || true; }

# run <server> <scenario> <seconds> [--latency] -> wrk's output
run() {
  local server=$1 scenario=$2 secs=$3 port=${PORT[$1]} script=post-keys.lua body="" path=/v1/videos/generations
  case $scenario in
    create-valid) body="$OUT/text.json" ;;
    create-invalid) body="$OUT/invalid.json" ;;
    create-image) body="$OUT/image.json" ;;
    poll) script=get.lua; path="/v1/videos/generations/${TASK[$server]}" ;;
  esac
  BODY="$body" $WRK_NICE wrk -t2 -c"$CONNS" -d"${secs}s" ${4:-} -s "$ROOT/mock-server/bench/$script" "http://127.0.0.1:$port$path"
}

# WireMock answers what the mock answers: its stubs are the mock's own answers to the three requests.
echo "== recording the mock's answers for WireMock's stubs"
start mock
expect_status "${PORT[mock]}" "$OUT/text.json" 200
expect_status "${PORT[mock]}" "$OUT/image.json" 200
expect_status "${PORT[mock]}" "$OUT/invalid.json" 400
mkdir -p "$OUT/wiremock/mappings"
post() { curl -s -X POST -H 'Authorization: Bearer bench-key' -H 'Content-Type: application/json' \
  --data-binary "@$1" "http://127.0.0.1:$2/v1/videos/generations"; }
CREATED=$(post "$OUT/text.json" "${PORT[mock]}")
REFUSED=$(post "$OUT/invalid.json" "${PORT[mock]}")
TASK_ID=$(echo "$CREATED" | sed -E 's/.*"id":"([^"]+)".*/\1/')
POLLED=$(curl -s -H 'Authorization: Bearer bench-key' "http://127.0.0.1:${PORT[mock]}/v1/videos/generations/$TASK_ID")
stop mock
python3 - "$OUT/wiremock/mappings" "$CREATED" "$REFUSED" "$POLLED" <<'PY'
import json, sys, pathlib
out, created, refused, polled = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
json_headers = {"Content-Type": "application/json"}
stubs = {
    "create-valid": {"priority": 5, "request": {"method": "POST", "urlPath": "/v1/videos/generations"},
                     "response": {"status": 200, "body": created, "headers": json_headers}},
    "create-invalid": {"priority": 1, "request": {"method": "POST", "urlPath": "/v1/videos/generations",
                       "bodyPatterns": [{"matchesJsonPath": "$[?(@.multi_shot == true)]"}]},
                       "response": {"status": 400, "body": refused, "headers": json_headers}},
    "poll": {"request": {"method": "GET", "urlPathPattern": "/v1/videos/generations/[^/]+"},
             "response": {"status": 200, "body": polled, "headers": json_headers}},
}
for name, stub in stubs.items():
    (out / f"{name}.json").write_text(json.dumps(stub))
PY

echo "== the first 5 s after a cold start: $COLD_ROUNDS rounds of ceiling, mock"
declare -A COLD
for _ in $(seq "$COLD_ROUNDS"); do
  for server in ceiling mock; do
    start "$server"
    COLD[$server]+=" $(wrk_figures "$(run "$server" create-valid 5 --latency)" | awk '{print $1}')"
    stop "$server"
  done
done

declare -A TASK RPS P99 XRPS XP99

# measure <scenario> <server>...: ROUNDS rounds, each measuring every server in turn for DUR s, the ceiling first;
# RPS/P99[server,key] are the medians of the rounds, XRPS/XP99[server,key] the medians of the rounds' ratios to the
# ceiling's figure of the same round (key: KEY if set, else the scenario)
measure() {
  local scenario=$1 key=${KEY:-$1} server result rps p99 round rps_ceiling=0 p99_ceiling=0
  shift
  declare -A rr pp xr xp
  for round in $(seq "$ROUNDS"); do
    for server in "$@"; do
      result=$(run "$server" "$scenario" "$DUR" --latency)
      echo "$result" >"$OUT/sustained-$server-$key-$round.txt"
      read -r rps _ p99 <<<"$(wrk_figures "$result")"
      if [ "$server" = ceiling ]; then rps_ceiling=$rps; p99_ceiling=$p99; fi
      rr[$server]+=" $rps"; pp[$server]+=" $p99"
      xr[$server]+=" $(ratio "$rps" "$rps_ceiling")"; xp[$server]+=" $(ratio "$p99" "$p99_ceiling")"
    done
  done
  for server in "$@"; do
    RPS[$server,$key]=$(fmt %.0f "$(med "${rr[$server]}")"); P99[$server,$key]=$(fmt %.1f "$(med "${pp[$server]}")")
    XRPS[$server,$key]=$(fmt %.2f "$(med "${xr[$server]}")"); XP99[$server,$key]=$(fmt %.2f "$(med "${xp[$server]}")")
  done
}
for server in $SERVERS; do
  start "$server"
  TASK[$server]=bench
  case $server in mock|mock-quiet)
    TASK[$server]=$(post "$OUT/text.json" "${PORT[$server]}" | sed -E 's/.*"id":"([^"]+)".*/\1/') ;;
  esac
done

warm=$FIRST_WARM
for scenario in create-valid poll create-invalid; do
  echo "== $scenario: each server warmed ${warm}s, then measured ${DUR}s at $CONNS connections"
  for server in $SERVERS; do
    run "$server" "$scenario" "$warm" >/dev/null
  done
  # shellcheck disable=SC2086
  measure "$scenario" $SERVERS
  for server in $SERVERS; do
    printf '   %-45s %8s req/s  p99 %8s ms  (medians of %s rounds; × ceiling %s, p99 %s×)\n' "${LABEL[$server]}" \
      "${RPS[$server,$scenario]}" "${P99[$server,$scenario]}" "$ROUNDS" "${XRPS[$server,$scenario]}" "${XP99[$server,$scenario]}"
  done
  warm=$WARM
done
for server in ceiling mock; do
  run "$server" create-image "$WARM" >/dev/null
done
measure create-image ceiling mock

# The store full: creates (64 keys) until the mock holds its default cap of 1,000,000 tasks, each later create
# evicting one; then create and poll measured again, in rounds beside the ceiling as above.
stored() { curl -s "http://127.0.0.1:${PORT[mock]}/__admin/tasks?limit=1" | sed -E 's/^\{"stored":([0-9]+).*/\1/'; }
FULL=${BENCH_FULL_STORE:-1000000}
if [[ " $SERVERS " == *" mock "* ]]; then
  echo "== filling the mock's store to $FULL tasks, then create and poll measured again"
  for _ in $(seq 30); do
    [ "$(stored)" -ge "$FULL" ] && break
    run mock create-valid 10 >/dev/null
  done
  for scenario in create-valid poll; do
    if [ "$scenario" = poll ]; then
      # a task created now: the one polled earlier is finished and old, so the creates since have evicted it
      TASK[mock]=$(post "$OUT/text.json" "${PORT[mock]}" | sed -E 's/.*"id":"([^"]+)".*/\1/')
      code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer bench-key' \
        "http://127.0.0.1:${PORT[mock]}/v1/videos/generations/${TASK[mock]}")
      [ "$code" = 200 ] || { echo "polling the new task answered $code, not 200" >&2; exit 1; }
    fi
    run mock "$scenario" "$WARM" >/dev/null
    KEY=full-$scenario measure "$scenario" ceiling mock
    printf '   %-45s %8s req/s  p99 %8s ms  (medians of %s rounds; p99 %s× the ceiling'"'"'s)\n' \
      "$scenario, $(stored) tasks stored" "${RPS[mock,full-$scenario]}" "${P99[mock,full-$scenario]}" "$ROUNDS" \
      "${XP99[mock,full-$scenario]}"
  done
fi

STORED=$(stored)
jcmd "${PID[mock]}" GC.run >/dev/null
# the heap in use as each collector prints it: "total <n>K, used <n>K" per generation (G1 one line, Parallel two),
# "ZHeap used <n>M" (ZGC); their sum
HEAP_MB=$(jcmd "${PID[mock]}" GC.heap_info | { grep -oE 'total [0-9]+K, used [0-9]+K|ZHeap +used [0-9]+M' || true; } |
  awk '{ v = $NF; if (v ~ /M$/) { sub(/M$/, "", v); s += v * 1024 } else { sub(/K$/, "", v); s += v } } END { printf "%d", s / 1024 }')
for server in $SERVERS; do stop "$server"; done

cell() { echo "${RPS[$1,$2]} (${XRPS[$1,$2]}, ${P99[$1,$2]} ms)"; }
REPORT="$OUT/sustained.md"
{
  echo "| server | create valid req/s (× ceiling, p99) | poll | create invalid |"
  echo "|---|---|---|---|"
  for server in $SERVERS; do
    echo "| ${LABEL[$server]} | $(cell "$server" create-valid) | $(cell "$server" poll) | $(cell "$server" create-invalid) |"
  done
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  # target <what> <measured> <a> <b>: met when a >= b; a run that measured nothing (0 req/s: wrk timed out) is no
  target() {
    echo "| $1 | $2 | $(awk -v a="$3" -v b="$4" -v m="$2" 'BEGIN {
      print (m ~ /(^|[^0-9.])0(\.0+)?( |$)|n\/a/ ? "not measured" : (a + 0 >= b + 0 ? "yes" : "no")) }') |"
  }
  for s in create-valid:0.6 poll:0.85 create-invalid:0.8; do
    sc=${s%%:*}; want=${s##*:}; r=${XRPS[mock,$sc]}
    target "$sc ≥ $want of the ceiling" "$r" "$r" "$want"
    p=${XP99[mock,$sc]}
    target "$sc p99 ≤ 3× the ceiling's" "${P99[mock,$sc]} ms, ${p}×" 3 "$p"
  done
  for sc in create-valid poll; do
    for wm in wiremock wiremock-static; do
      # the two ratios to the same rounds' ceiling
      r=$(ratio "${XRPS[mock,$sc]}" "${XRPS[$wm,$sc]:-0}")
      target "$sc ≥ 2× ${LABEL[$wm]}" "${r}×" "$r" 2
    done
  done
  c=$(med "${COLD[ceiling]}"); m=$(med "${COLD[mock]}"); r=$(ratio "$m" "$c")
  target "first 5 s after start ≥ 0.5 of the ceiling's (medians of $COLD_ROUNDS)" "$m against $c req/s = $r" "$r" 0.5
  r=${XRPS[mock,create-image]}
  target "create with a 1 MB image ≥ 0.5 of the ceiling" "${RPS[mock,create-image]} against ${RPS[ceiling,create-image]} req/s, $r" "$r" 0.5
  for sc in create-valid poll; do
    p=${XP99[mock,full-$sc]:-0}
    target "$sc p99 with the store full ≤ 3× the ceiling's" "${P99[mock,full-$sc]:-0} ms, ${p}× (${RPS[mock,full-$sc]:-0} req/s)" 3 "$p"
  done
  target "heap in use after a full collection ≤ 300 MB, journal on" "$HEAP_MB MB with $STORED tasks stored" 300 "$HEAP_MB"
} >"$REPORT"
echo
echo "Machine: $(nproc) cores; $(java -version 2>&1 | sed -n 1p); ${WRK_NICE:+$WRK_NICE }wrk -t2 -c$CONNS, every server and wrk on loopback; mock JVM options: ${MOCK_OPTS[*]}."
cat "$REPORT"
