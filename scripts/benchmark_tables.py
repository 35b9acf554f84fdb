"""Markdown tables of docs/benchmarks.md from the raw results of scripts/benchmarks.sh.

python3 scripts/benchmark_tables.py SECTION DIR   (SECTION: processor, eons, eons-cli)
Plain Python. Errors are JMH's: half the 99.9 % confidence interval over the measurement
iterations (Student's t), in the benchmark's unit.
"""
import json
import os
import statistics
import sys


def sci(x):
    return f"{x:.2e}"


def jmh(path):
    with open(path) as f:
        return json.load(f)


def metric(result, name=None):
    m = result["primaryMetric"] if name is None else result["secondaryMetrics"][name]
    return m["score"], m["scoreError"]


def processor(d):
    print("### RISP processor: ProcessorBenchmark (clear + apply + run(100), single thread)")
    print()
    print("| network | run(100)/s | synaptic events delivered/s | scheduled/s (incl. due after the run) | neuron fires/s |")
    print("|---|---|---|---|---|")
    for r in jmh(os.path.join(d, "processor.json")):
        n, m = r["params"]["shape"].split(":")
        ops, ops_e = metric(r)
        ev, ev_e = metric(r, "synapseEvents")
        sch, sch_e = metric(r, "synapseEventsScheduled")
        fi, fi_e = metric(r, "neuronFires")
        print(f"| {int(n):,} neurons / {int(m):,} synapses | {ops:.3g} ± {ops_e:.2g} | **{sci(ev)} ± {sci(ev_e)}** "
              f"| {sci(sch)} ± {sci(sch_e)} | {sci(fi)} ± {sci(fi_e)} |")
    print()
    for r in jmh(os.path.join(d, "sample.json")):
        s, e = metric(r)
        print(f"SampleBenchmark (10 neurons / 20 synapses, clear, 20 spikes, run(50)): "
              f"{s / 1000:.2f} ± {e / 1000:.2f} µs per sample.")
    print()
    print("### Input applied far ahead: FarAheadInputBenchmark (1,000 / 10,000, 250,000 spikes, 5,000 timesteps)")
    print()
    print("| input applied | ms per 5,000 timesteps | allocated per simulation, steady state (gc.alloc.rate.norm) |")
    print("|---|---|---|")
    for r in jmh(os.path.join(d, "farahead.json")):
        c = r["params"]["chunk"]
        s, e = metric(r)
        a, ae = metric(r, "gc.alloc.rate.norm")
        how = "all before one run(5000)" if c == "5000" else f"{c} timesteps at a time, run({c}) each"
        print(f"| {how} | {s:.0f} ± {e:.0f} | {a:.3g} ± {ae:.2g} bytes |")
    print()
    print("Fresh JVM, one simulation (`java -Xmx4g -cp benchmarks.jar ...FarAheadInputBenchmark CHUNK`):")
    print()
    with open(os.path.join(d, "farahead-memory.txt")) as f:
        for line in f:
            print(f"- {line.strip()}")
    print()


def eons(d):
    print("### EONS: EonsIrisBenchmark (one Evaluation.run on iris, default HPs, all cores; seconds)")
    print()
    rs = sorted(jmh(os.path.join(d, "eons.json")), key=lambda r: int(r["params"]["seed"]))
    print("| " + " | ".join(f"seed {r['params']['seed']}" for r in rs) + " |")
    print("|" + "---|" * len(rs))
    print("| " + " | ".join(f"{metric(r)[0]:.2f} s ± {metric(r)[1]:.2f}" for r in rs) + " |")
    print()


def eons_cli(d):
    print("### EONS from the command line (`./neurohpo evaluate --dataset D --threads 1`, seeds 1..5)")
    print()
    print("| data set | test accuracy, seeds 1..5 | median | mean | seconds per run | neurons/synapses |")
    print("|---|---|---|---|---|---|")
    for name in ("iris", "wine", "breast_cancer", "pima", "ionosphere", "sonar", "glass"):
        path = os.path.join(d, f"evaluate-{name}.json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            runs = json.load(f)["runs"]
        acc = [r["testAccuracy"] for r in runs]
        accs = " ".join(f"{a:.3f}" for a in acc)
        secs = " ".join("%.2f" % r["seconds"] for r in runs)
        sizes = " ".join("%d/%d" % (r["neurons"], r["synapses"]) for r in runs)
        print(f"| {name} | {accs} | **{statistics.median(acc):.3f}** "
              f"| {statistics.mean(acc):.3f} | {secs} | {sizes} |")
    print()


if __name__ == "__main__":
    {"processor": processor, "eons": eons, "eons-cli": eons_cli}[sys.argv[1]](sys.argv[2])
