#!/usr/bin/env bash
# Shared by the benchmark scripts (sourced, not run): tools, conversions, checks. Expects ROOT and OUT to be set.

# wrk from Debian's packages when it is missing.
need_wrk() {
  command -v wrk >/dev/null && return
  local sudo=""; [ "$(id -u)" != "0" ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
}

# to_ms <wrk latency like 812.00us, 1.20ms, 2.01s> -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "%s", v }'
}

# med <list> -> the median of its words (numbers)
med() { echo "$1" | tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# fmt <printf format> <number> -> the number so formatted; n/a for anything else
fmt() { awk -v f="$1" -v v="$2" 'BEGIN { if (v ~ /^-?[0-9]+(\.[0-9]+)?$/) printf f, v; else printf "n/a" }'; }

# ratio <a> <b> -> a/b to two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# wrk_figures <wrk output> -> "req/s p50_ms p99_ms"
wrk_figures() {
  local rps p50 p99
  rps=$(echo "$1" | awk '/^Requests\/sec/ {printf "%d", $2}')
  p50=$(to_ms "$(echo "$1" | awk '$1 == "50%" {print $2}')")
  p99=$(to_ms "$(echo "$1" | awk '$1 == "99%" {print $2}')")
  echo "${rps:-0} ${p50:-0} ${p99:-0}"
}

# expect_status <port> <body file> <status>: a POST create must answer that status before the server is loaded
expect_status() {
  local port=$1 body=$2 want=$3 got
  got=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer bench-key' \
    -H 'Content-Type: application/json' --data-binary "@$body" "http://127.0.0.1:$port/v1/videos/generations")
  if [ "$got" != "$want" ]; then echo "expected $want for $(basename "$body") on port $port, got $got" >&2; exit 1; fi
}

# wait_http <port> <path> <pid> <name>: until the first 200 on that path, or fail when the process has died
wait_http() {
  local port=$1 path=$2 pid=$3 name=$4
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$port$path" || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name died; see $OUT/$name.log" >&2; exit 1; fi
    sleep 0.005
  done
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# readme_java_opts -> the JVM options of the README's command that starts the mock (the benchmarks start it that way)
readme_java_opts() {
  sed -n 's|.*&& java \(.*\) -jar mock-server/target/kirin-mock-server.jar *$|\1|p' "$ROOT/README.md" | head -1
}
