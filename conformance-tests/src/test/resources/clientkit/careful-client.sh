#!/usr/bin/env bash
# A careful Kirin client in bash and curl, graded by the client conformance kit (ShellClientGradedTest).
# It creates one task for $KIRIN_MODEL with its own external_task_id, retries what may be retried (429 after
# Retry-After, 5xx and a lost answer after a growing backoff, the same external_task_id each time, a 409 on a retry
# resolved by looking the task up), never retries another 4xx, polls every second, and stops at the end:
# exit 0 when the task completed, 1 otherwise.
set -u
base="$KIRIN_BASE_URL/v1/videos/generations"
auth="Authorization: Bearer $KIRIN_API_KEY"
external="careful-sh-$$-$(date +%s%N)"
body="{\"model\":\"$KIRIN_MODEL\",\"prompt\":\"A paper boat on a pond\",\"external_task_id\":\"$external\"}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

field() { # field NAME FILE: the first "NAME":"value" of a JSON file
  grep -o "\"$1\":\"[^\"]*\"" "$2" | head -1 | sed "s/^\"$1\":\"\(.*\)\"$/\1/"
}

task_id=""
delay=0.5
for attempt in 1 2 3 4; do
  code=$(curl -s -o "$tmp/answer" -D "$tmp/headers" -w '%{http_code}' -X POST "$base" \
    -H "$auth" -H 'Content-Type: application/json' --data "$body")
  echo "create attempt $attempt: ${code}"
  case "$code" in
    200) task_id=$(field id "$tmp/answer"); break ;;
    409) if [ "$attempt" -gt 1 ]; then
           curl -s -o "$tmp/answer" -H "$auth" "$base/external/$external"
           task_id=$(field id "$tmp/answer"); break
         fi
         exit 1 ;;
    429|5*|000)
         [ "$attempt" -lt 4 ] || break
         wait=$(grep -i '^retry-after:' "$tmp/headers" 2>/dev/null | tr -d '\r' | awk '{print $2}')
         sleep "${wait:-$delay}"
         delay=$(awk "BEGIN {print $delay * 2}") ;;
    *)   cat "$tmp/answer"; echo; exit 1 ;;
  esac
done
[ -n "$task_id" ] || { echo "no task after 4 attempts"; exit 1; }

for poll in $(seq 1 60); do
  sleep 1
  curl -s -o "$tmp/answer" -H "$auth" "$base/$task_id"
  status=$(field status "$tmp/answer")
  echo "poll $poll: $status"
  case "$status" in
    completed) exit 0 ;;
    failed) exit 1 ;;
  esac
done
exit 1
