#!/usr/bin/env bash
# Load on the services: starts `./neurohpo up` (no evaluators are needed: each study is stopped as
# soon as it is created, so it is finished), creates N studies through REST with C clients at once,
# and prints one line per measure: studies accepted per minute, the resident memory of the
# optimizer and of the results service with N finished studies, and how long each takes to be
# ready again after it is killed (`up` starts it again). Usage: scripts/load-studies.sh [N] [C]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
clients=${2:-4}
work=$(mktemp -d)
./neurohpo up --evaluators 1 > "$work/up.out" 2> "$work/up.err" &
up=$!
trap 'status=$?; kill -TERM $up 2>/dev/null; wait $up 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
for _ in $(seq 1 240); do grep -q '^ready$' "$work/up.out" 2>/dev/null && break; sleep 1; done
grep -q '^ready$' "$work/up.out" || { cat "$work/up.err"; echo "up did not become ready" >&2; exit 1; }
opt=$(sed -n 's/^optimizer: //p' "$work/up.out")
res=$(sed -n 's/^results: //p' "$work/up.out")
token=$(sed -n 's/^token: //p' "$work/up.out")
export opt token
spec='{"name":"load","dataset":"iris","strategy":"random","budget":2,"seeds":[1],"searchSpace":[{"name":"bins","type":"int","low":2,"high":16}]}'
export spec
one() {
  id=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data "$spec" "$opt/studies" | sed -n 's/.*"studyId":"\([^"]*\)".*/\1/p')
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -X POST "$opt/studies/$id/stop"
}
export -f one
start=$(date +%s.%N)
seq 1 "$n" | xargs -P "$clients" -I{} bash -c one
end=$(date +%s.%N)
echo "accepted: $n studies (each created and stopped) in $(echo "$end - $start" | bc) s: $(echo "scale=0; $n * 60 / ($end - $start)" | bc) per minute with $clients clients"
sleep 5 # the results service reads the last of them
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1 / 1024}'; }
pid_of() { pgrep -f -- "$1/target/quarkus-app/quarkus-run.jar" | head -1; }
echo "memory: optimizer $(rss "$(pid_of optimizer-service)"), results $(rss "$(pid_of results-service)") with $n finished studies"
for svc in optimizer-service:"$opt" results-service:"$res"; do
  name=${svc%%:*}
  url=${svc#*:}
  kill -9 "$(pid_of "$name")"
  t0=$(date +%s.%N)
  until curl -fsS -o /dev/null "$url/q/health/ready" 2>/dev/null; do sleep 0.2; done
  echo "restart: $name ready again $(echo "$(date +%s.%N) - $t0" | bc) s after the kill ($n finished studies; includes up noticing within 1 s)"
done
