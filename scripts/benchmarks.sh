#!/usr/bin/env bash
# Regenerates the tables of docs/benchmarks.md: runs the benchmarks and writes markdown tables,
# stamped with the date, the commit and the machine's load, to target/benchmarks/tables-DATE.md
# (and prints them). Paste the sections into docs/benchmarks.md by hand: a figure measured on a
# shared machine wants a look before it replaces another.
#
#   scripts/benchmarks.sh [processor] [eons] [eons-cli] [optimizer]   (default: processor eons)
#
# processor  JMH ProcessorBenchmark, SampleBenchmark and FarAheadInputBenchmark (-prof gc), and the
#            peak / retained heap of 5,000 timesteps of input applied ahead (a fresh JVM each)
# eons       JMH EonsIrisBenchmark (one whole training run on iris per seed 1..5)
# eons-cli   ./neurohpo evaluate on seven data sets, seeds 1..5, one thread, one cold JVM per data
#            set (builds the CLI if needed; ~3 min)
# optimizer  ../shared/bench/bench.py: branin, hartmann6, mixed and the noisy grid, 20 seeds x 40
#            evaluations each, and the ask+tell overhead at 50 / 200 / 1,000 observations (an
#            hour or more; builds the CLI if needed)
# JMH settings: JMH_OPTS (default "-f 1 -wi 3 -i 5"). On the 2 shared cores, JMH's error bars
# (99.9 % intervals over the iterations) are wide and the speed drifts by a third from one minute
# to the next: repeat a run before trusting a difference under ~30 %, and compare two builds by
# alternating short runs of each (median over runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=(processor eons)
jmh_opts=${JMH_OPTS:--f 1 -wi 3 -i 5}
stamp=$(date -u +%Y-%m-%dT%H%M)
out="$root/target/benchmarks/$stamp"
mkdir -p "$out"
tables="$root/target/benchmarks/tables-$stamp.md"
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo "+uncommitted")
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit, $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
} >"$tables"

jar="$root/benchmarks/target/benchmarks.jar"
build() {
  echo "building the benchmarks..." >&2
  mvn -B -q -pl benchmarks -am -Dmaven.test.skip=true package >&2
}

for s in "${sections[@]}"; do
  case "$s" in
  processor)
    [[ -n "${BUILT:-}" ]] || { build; BUILT=1; }
    # shellcheck disable=SC2086
    java -jar "$jar" 'risp.ProcessorBenchmark' $jmh_opts -rf json -rff "$out/processor.json" >"$out/processor.log"
    # shellcheck disable=SC2086
    java -jar "$jar" 'risp.SampleBenchmark' $jmh_opts -rf json -rff "$out/sample.json" >"$out/sample.log"
    # shellcheck disable=SC2086
    java -jar "$jar" 'risp.FarAheadInputBenchmark' $jmh_opts -prof gc -rf json -rff "$out/farahead.json" >"$out/farahead.log"
    for chunk in 5000 100; do
      java -Xmx4g -cp "$jar" org.neurohpo.benchmarks.risp.FarAheadInputBenchmark "$chunk"
    done >"$out/farahead-memory.txt"
    python3 "$root/scripts/benchmark_tables.py" processor "$out" >>"$tables"
    ;;
  eons)
    [[ -n "${BUILT:-}" ]] || { build; BUILT=1; }
    # shellcheck disable=SC2086
    java -jar "$jar" 'eons.EonsIrisBenchmark' $jmh_opts -rf json -rff "$out/eons.json" >"$out/eons.log"
    python3 "$root/scripts/benchmark_tables.py" eons "$out" >>"$tables"
    ;;
  eons-cli)
    for d in iris wine breast_cancer pima ionosphere sonar glass; do
      ./neurohpo evaluate --dataset "$d" --threads 1 --seeds 1,2,3,4,5 --json -q >"$out/evaluate-$d.json"
    done
    python3 "$root/scripts/benchmark_tables.py" eons-cli "$out" >>"$tables"
    ;;
  optimizer)
    bench=(python3 "$root/../shared/bench/bench.py")
    for p in branin hartmann6 mixed bayes-core/src/test/resources/noisy-grid-240.csv; do
      "${bench[@]}" run --opt "./neurohpo bench-peer" --name neurohpo --problem "$p" --seeds 0-19 \
        --budget 40 --jobs 2 --out "$out/runs.jsonl" >&2
    done
    "${bench[@]}" overhead --opt "./neurohpo bench-peer" --name neurohpo --n 50,200,1000 --reps 5 \
      --out "$out/overhead.jsonl" >&2
    {
      echo "## Optimizer (bench.py summarize)"
      echo '```'
      "${bench[@]}" summarize "$out"/*.jsonl
      echo '```'
    } >>"$tables"
    ;;
  *)
    echo "unknown section $s (processor, eons, eons-cli, optimizer)" >&2
    exit 2
    ;;
  esac
done
cat "$tables"
echo "tables: $tables; raw results: $out" >&2
