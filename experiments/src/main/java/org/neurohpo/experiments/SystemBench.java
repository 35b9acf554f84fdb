package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * The system benchmark (`bench-system`): a random-search study of identical, sized evaluations, and
 * what the topics' record timestamps of its events tell: messaging overhead per trial (with one
 * evaluator and one trial in flight, from one request to the next minus the evaluation; otherwise
 * from request to result minus the evaluation), its stages and throughput.
 */
public final class SystemBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SystemBench() {}

  /** How the system was set up for the measurement. */
  public record Setup(int evaluators, int threads, int inFlight, int warmup) {
    /** Whether the overhead is measured from one request to the next. */
    public boolean cycle() {
      return inFlight == 1 && evaluators == 1;
    }
  }

  /** One event of the measured study and the timestamp of its record. */
  public record Timed(Event event, long timestamp) {}

  /** What the timestamps tell; seconds. */
  public record Figures(
      int trials,
      double wallSeconds,
      double[] evaluationSeconds,
      double[] overheadSeconds,
      boolean cycle,
      double[] stages) {}

  /** A random-search study of identical evaluations on iris, one seed per trial. */
  public static ObjectNode study(String name, int budget, int population, int generations)
      throws Exception {
    ObjectNode study = JSON.createObjectNode();
    study.put("name", name).put("dataset", "iris").put("strategy", "random");
    study.put("budget", budget).put("optimizerSeed", 1);
    study.putArray("seeds").add(1);
    study.set(
        "searchSpace",
        JSON.readTree("[{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 8}]"));
    study
        .putObject("fixedParams")
        .put("populationSize", population)
        .put("generations", generations);
    return study;
  }

  /** The figures of the study's events (those of its trials, evaluations and results topics). */
  public static Figures measure(List<Timed> events, boolean cycle) {
    Map<Integer, Long> requested = new HashMap<>();
    Map<Integer, Long> completed = new HashMap<>();
    Map<Integer, Double> evaluation = new HashMap<>();
    Map<Integer, Long> lastRun = new HashMap<>();
    for (Timed t : events) {
      if (t.event() instanceof TrialRequested r) {
        requested.putIfAbsent(r.trialNumber(), t.timestamp());
      } else if (t.event() instanceof TrialCompleted c) {
        completed.putIfAbsent(c.trialNumber(), t.timestamp());
      } else if (t.event() instanceof RunEvaluated run) {
        evaluation.merge(run.trialNumber(), run.run().seconds(), Double::sum);
        lastRun.merge(run.trialNumber(), t.timestamp(), Math::max);
      }
    }
    List<Double> eval = new ArrayList<>();
    List<Double> overhead = new ArrayList<>();
    List<Double> toRuns = new ArrayList<>();
    List<Double> toResult = new ArrayList<>();
    List<Double> toNext = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Map.Entry<Integer, Long> e : requested.entrySet()) {
      int t = e.getKey();
      Long done = completed.get(t);
      if (done == null || !evaluation.containsKey(t)) {
        continue;
      }
      first = Math.min(first, e.getValue());
      last = Math.max(last, done);
      double ev = evaluation.get(t);
      eval.add(ev);
      toRuns.add((lastRun.get(t) - e.getValue()) / 1000.0 - ev);
      toResult.add((done - lastRun.get(t)) / 1000.0);
      if (requested.containsKey(t + 1)) {
        toNext.add((requested.get(t + 1) - done) / 1000.0);
      }
      if (cycle) {
        Long next = requested.get(t + 1);
        if (next != null) {
          overhead.add((next - e.getValue()) / 1000.0 - ev);
        }
      } else {
        overhead.add((done - e.getValue()) / 1000.0 - ev);
      }
    }
    return new Figures(
        eval.size(),
        (last - first) / 1000.0,
        eval.stream().mapToDouble(Double::doubleValue).toArray(),
        overhead.stream().mapToDouble(Double::doubleValue).toArray(),
        cycle,
        new double[] {median(toRuns), median(toResult), median(toNext)});
  }

  /** The figures as `bench-system --json` prints them. */
  public static ObjectNode json(Setup setup, int trials, Figures f) {
    ObjectNode out = JSON.createObjectNode();
    out.put("evaluators", setup.evaluators())
        .put("threadsPerEvaluator", setup.threads())
        .put("inFlight", setup.inFlight());
    out.put("warmupTrials", setup.warmup());
    out.put("trials", trials);
    out.put("wallSeconds", f.wallSeconds());
    out.put("trialsPerMinute", 60 * f.trials() / f.wallSeconds());
    out.put("evaluationSecondsMedian", Stats.median(f.evaluationSeconds()));
    out.put("overheadMsMedian", 1000 * Stats.median(f.overheadSeconds()));
    out.put("overheadMsP90", 1000 * Stats.quantile(f.overheadSeconds(), 0.9));
    out.put(
        "overheadMeasure",
        f.cycle() ? "request-to-request minus evaluation" : "request-to-result minus evaluation");
    return out;
  }

  /** The figures as `bench-system` prints them. */
  public static String text(Setup setup, Figures f) {
    return String.format(
        "%d evaluator(s) x %d thread(s), %d in flight, %d warm-up trials: %d trials in %.1f s"
            + " (%.1f trials/min); evaluation median %.3f s; overhead per trial"
            + " median %.1f ms, p90 %.1f ms (%s); stage medians: request to runs"
            + " minus evaluation %.1f ms, runs to result %.1f ms, result to next"
            + " request %.1f ms",
        setup.evaluators(),
        setup.threads(),
        setup.inFlight(),
        setup.warmup(),
        f.trials(),
        f.wallSeconds(),
        60 * f.trials() / f.wallSeconds(),
        Stats.median(f.evaluationSeconds()),
        1000 * Stats.median(f.overheadSeconds()),
        1000 * Stats.quantile(f.overheadSeconds(), 0.9),
        f.cycle() ? "request-to-request minus evaluation" : "request-to-result minus evaluation",
        1000 * f.stages()[0],
        1000 * f.stages()[1],
        1000 * f.stages()[2]);
  }

  private static double median(List<Double> v) {
    return Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
