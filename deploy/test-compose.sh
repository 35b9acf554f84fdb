#!/usr/bin/env bash
# The compose stack end to end from a shell, as a new user would run it:
#   deploy/test-compose.sh [--no-build]
# builds the images (deploy/images.sh: offline recipe when no registry answers), then
# up with 2 evaluators; the quick-start study (examples/01-iris-quickstart.json) through REST;
# `docker kill` of an evaluator while it runs a trial; 4 evaluators mid-study (up --no-deps
# --scale, nothing else restarted); the study completes; on neurohpo.results.v1 every trial once with
# each of its runs once; the dashboard answers; `down -v` leaves no container, network or volume.
# One line per step; exit 0 only if every step held. Needs docker, compose (v2 plugin or
# docker-compose 1.29), python3 (JSON). Host ports: free ones, on 127.0.0.1.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
project="neurohpo-sh-$$"
t0=$SECONDS
step() { printf '[%4d s] %-4s %s\n' "$((SECONDS - t0))" "$1" "$2"; }
failed=0
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
dc() { "${compose[@]}" -p "$project" -f "$root/docker-compose.yml" "$@"; }
cleanup() {
  if [[ "$failed" != 0 ]]; then
    echo "---- compose ps / logs (last 100 lines a container) ----"
    dc ps 2>&1
    dc logs --no-color --tail 100 2>&1
  fi
  dc down -v --remove-orphans --timeout 10 >/dev/null 2>&1
}
fail() { step FAIL "$1"; failed=1; cleanup; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # seconds, description, command...
  local limit="$1" what="$2"; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS > end)) && fail "$what (waited $limit s)"
    sleep 2
  done
}

docker info >/dev/null 2>&1 || fail "a Docker engine answers (docker info)"
"${compose[@]}" version >/dev/null 2>&1 || fail "docker compose or docker-compose is installed"
if [[ "${1:-}" != --no-build ]]; then
  start=$SECONDS
  bash deploy/images.sh > /tmp/"$project"-images.log 2>&1 || { cat /tmp/"$project"-images.log; fail "images built (deploy/images.sh)"; }
  step ok "images built in $((SECONDS - start)) s ($(grep -c 'reused' /tmp/"$project"-images.log) base images reused)"
fi
set -a
# shellcheck disable=SC1091
[[ -f deploy/.images.env ]] && source deploy/.images.env
NEUROHPO_OPTIMIZER_PORT=$(free_port) NEUROHPO_RESULTS_PORT=$(free_port) NEUROHPO_KAFKA_PORT=$(free_port)
# the optimizer's bearer token for this run: writes need it (docs/security.md)
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
NEUROHPO_AUTH_TOKENS="compose:$token"
set +a
opt="http://127.0.0.1:$NEUROHPO_OPTIMIZER_PORT"
res="http://127.0.0.1:$NEUROHPO_RESULTS_PORT"

start=$SECONDS
dc up -d --scale evaluator=2 > /tmp/"$project"-up.log 2>&1 || { cat /tmp/"$project"-up.log; fail "up -d --scale evaluator=2"; }
step ok "up -d --scale evaluator=2 ($((SECONDS - start)) s, Kafka ${NEUROHPO_KAFKA_IMAGE:-apache/kafka:4.1.2})"
wait_for 480 "optimizer ready" curl -fsS "$opt/q/health/ready"
wait_for 480 "results ready" curl -fsS "$res/q/health/ready"
startup=""
for s in optimizer results evaluator; do
  startup+=" $s $(docker logs "$(dc ps -q $s | head -1)" 2>&1 | grep -o 'started in [0-9.]*s' | head -1 | cut -d' ' -f3),"
done
step ok "optimizer and results ready $((SECONDS - start)) s after up (Quarkus start:${startup%,})"

id=""
end=$((SECONDS + 300))
while [[ -z "$id" ]]; do
  out=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $token" --data @examples/01-iris-quickstart.json "$opt/studies")
  code=${out##*$'\n'}
  if [[ "$code" == 201 ]]; then id=$(echo "${out%$'\n'*}" | json 'd["studyId"]'); break; fi
  [[ "$code" == 503 && $SECONDS -lt $end ]] || fail "POST /studies (answered $code: ${out%$'\n'*})"
  sleep 2
done
budget=$(json 'd["budget"]' < examples/01-iris-quickstart.json)
step ok "study $id created through REST (budget $budget)"
study() { curl -fsS "$opt/studies/$id"; }
# an evaluator running a trial now: its log shows the trial started ("trial STUDY/N: ...") and the
# study has not completed trial N
victim="" trial=""
end=$((SECONDS + 480))
while [[ -z "$victim" && $SECONDS -lt $end ]]; do
  state=$(study) || state='{}'
  [[ $(echo "$state" | json 'd.get("state")') == completed ]] && fail "an evaluator killed mid-trial (the study completed first)"
  done_trials=" $(echo "$state" | json '" ".join(str(t["trialNumber"]) for t in d.get("trials", []))') "
  for c in $(docker ps -q --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=evaluator); do
    n=$(docker logs "$c" 2>&1 | sed -n "s|.*trial $id/\([0-9]*\):.*|\1|p" | tail -1)
    if [[ -n "$n" && "$done_trials" != *" $n "* ]]; then victim=$c trial=$n; break; fi
  done
  [[ -z "$victim" ]] && sleep 0.3
done
[[ -n "$victim" ]] || fail "an evaluator running a trial found"
docker kill "$victim" >/dev/null || fail "docker kill $victim"
state=$(study)
step ok "docker kill $victim while it ran trial $trial ($(echo "$state" | json 'd["trialsCompleted"]') of $budget trials done)"
# the killed evaluator's trial waits for the session timeout (6 s): the study is still running
[[ $(echo "$state" | json 'd["state"]') == running ]] || fail "study still running before scaling"
others() { for s in kafka optimizer results; do docker inspect -f '{{.Id}} {{.State.StartedAt}}' $(dc ps -q $s); done; }
before=$(others)
dc up -d --no-deps --scale evaluator=4 evaluator > /tmp/"$project"-scale.log 2>&1 || { cat /tmp/"$project"-scale.log; fail "scale to 4 evaluators"; }
n=$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=evaluator | wc -l)
[[ "$n" == 4 ]] || fail "4 evaluators running after scaling (found $n)"
[[ "$(others)" == "$before" ]] || fail "kafka, optimizer and results untouched by scaling"
step ok "scaled to 4 evaluators mid-study ($(study | json 'd["trialsCompleted"]') of $budget trials done), kafka, optimizer and results untouched"

kafka_id=$(dc ps -q kafka)
completed() { [[ $(study | json 'd["state"]') == completed ]]; }
wait_for 1200 "the study completed" completed
[[ $(study | json 'd["trialsCompleted"]') == "$budget" ]] || fail "REST trialsCompleted == $budget"
step ok "study completed through REST: $budget trials"

for topic in results evaluations; do
  docker exec "$kafka_id" /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server kafka:9092 \
    --topic "neurohpo.$topic.v1" --from-beginning --timeout-ms 10000 > /tmp/"$project"-$topic.json 2>/dev/null
done
check=$(python3 - "$id" "$budget" examples/01-iris-quickstart.json /tmp/"$project"-results.json /tmp/"$project"-evaluations.json <<'PY'
import collections, json, sys
study, budget, spec = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3]))
seeds = sorted(spec["seeds"])
trials = collections.Counter()
bad = []
for line in open(sys.argv[4]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    e = json.loads(line)
    if e.get("studyId") != study or e.get("type") != "TrialCompleted":
        continue
    trials[e["trialNumber"]] += 1
    run_seeds = [r["seed"] for r in e["runs"]]
    if len(set(run_seeds)) != len(run_seeds) or len(run_seeds) + len(e.get("failures", [])) != len(seeds):
        bad.append(f"trial {e['trialNumber']}: runs {run_seeds}, failures {e.get('failures')}")
twice = {t: n for t, n in trials.items() if n != 1}
runs = collections.Counter()
for line in open(sys.argv[5]):
    if line.startswith("{"):
        e = json.loads(line)
        if e.get("studyId") == study:
            runs[(e["trialNumber"], (e.get("run") or {}).get("seed", e.get("seed")))] += 1
again = sum(1 for n in runs.values() if n > 1)
if len(trials) != budget or twice or bad:
    print(f"FAIL {len(trials)} trials of {budget}; more than once: {twice}; {bad}")
else:
    print(f"ok {budget} trials, each once, each with its {len(seeds)} runs once"
          f" (neurohpo.evaluations.v1: {len(runs)} runs, {again} delivered more than once (kill, rebalances))")
PY
)
[[ "$check" == ok* ]] || fail "neurohpo.results.v1: ${check#FAIL }"
step ok "neurohpo.results.v1: ${check#ok }"

page=$(curl -fsS "$res/") || fail "dashboard answers (GET $res/)"
[[ "$page" == *"<html"* || "$page" == *"<!DOCTYPE"* || "$page" == *"<!doctype"* ]] || fail "dashboard is an HTML page"
step ok "dashboard answers at the results service's root"

dc down -v --remove-orphans --timeout 10 > /tmp/"$project"-down.log 2>&1 || { cat /tmp/"$project"-down.log; fail "down -v"; }
left="$(docker ps -aq --filter "label=com.docker.compose.project=$project")$(docker network ls -q --filter "label=com.docker.compose.project=$project")$(docker volume ls -q --filter "label=com.docker.compose.project=$project")"
[[ -z "$left" ]] || fail "down -v left nothing (left: $left)"
step ok "down -v: no container, network or volume left"
rm -f /tmp/"$project"-*
echo "test-compose: all steps held in $((SECONDS - t0)) s"
