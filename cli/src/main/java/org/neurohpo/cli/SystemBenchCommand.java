package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.experiments.Stats;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the system itself: runs a random-search study of identical, sized evaluations and reads
 * the record timestamps on the topics to tell messaging overhead from evaluation time.
 */
@Command(
    name = "bench-system",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the whole system: messaging overhead per trial and throughput.",
      "Runs a random-search study on iris (EONS population and generations set the cost of an",
      "evaluation) and reads the topics' record timestamps. With one evaluator and --in-flight 1",
      "the overhead of a trial is the time between two trial requests minus the evaluation;",
      "otherwise it is the time from request to result minus the evaluation (queueing included)."
    })
final class SystemBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--evaluators", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
  int evaluators = 1;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "threads per evaluator (default ${DEFAULT-VALUE})")
  int threads = 1;

  @Option(
      names = "--in-flight",
      paramLabel = "F",
      description = "trials in flight (default: the number of evaluators)")
  Integer inFlight;

  @Option(names = "--trials", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
  int trials = 30;

  @Option(
      names = "--population",
      paramLabel = "P",
      description = "EONS population (default ${DEFAULT-VALUE})")
  int population = 10;

  @Option(
      names = "--generations",
      paramLabel = "G",
      description = "EONS generations (default ${DEFAULT-VALUE})")
  int generations = 1;

  @Mixin Options.Cluster cluster;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description =
          "first run an unmeasured study of N trials on the same services, so the figures are"
              + " those of warm JVMs as in a long-running deployment (default ${DEFAULT-VALUE}:"
              + " fresh JVMs)")
  int warmup = 0;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Mixin Options.Quiet quiet;

  @Override
  public Integer call() throws Exception {
    for (int[] v :
        new int[][] {
          {evaluators, 1}, {threads, 1}, {trials, 2}, {population, 2}, {generations, 1}
        }) {
      if (v[0] < v[1]) {
        throw new IllegalArgumentException(
            "--evaluators, --threads, --generations must be >= 1; --trials, --population >= 2");
      }
    }
    int flight = inFlight != null ? inFlight : evaluators;
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
    }
    if (flight < 1) {
      throw new IllegalArgumentException("--in-flight must be >= 1, got " + flight);
    }
    Map<String, String> kafkaSecurity = cluster.settings();
    Path home = Path.of(System.getProperty("neurohpo.home", ".")).toAbsolutePath();
    Path work = Files.createTempDirectory("neurohpo-bench-");
    try (LocalStack stack = new LocalStack(home, Files.createDirectories(work.resolve("logs")))) {
      Thread hook = new Thread(stack::close, "neurohpo-bench-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stack.kafkaSecurity(kafkaSecurity);
      LocalStack.Parts parts =
          stack.startSystem(cluster.against, work, evaluators, threads, flight);
      StudyClient client = new StudyClient(stack.http(), parts.optimizerPort(), stack.token());
      JsonNode view;
      String id;
      try (ProgressBar bar = ProgressBar.onStderr(quiet.quiet, "bench-system")) {
        if (warmup > 0) {
          client.awaitEnd(
              client.submit(study("bench-system-warmup", warmup)),
              v -> progress(bar, v, "warm-up"));
        }
        id = client.submit(study("bench-system", trials));
        view = client.awaitEnd(id, v -> progress(bar, v, "measured"));
      }
      Figures f = measure(parts.bootstrap(), kafkaSecurity, id, flight == 1 && evaluators == 1);
      Runtime.getRuntime().removeShutdownHook(hook);
      ObjectNode out = JSON.createObjectNode();
      out.put("evaluators", evaluators).put("threadsPerEvaluator", threads).put("inFlight", flight);
      out.put("warmupTrials", warmup);
      out.put("trials", view.path("trialsCompleted").asInt());
      out.put("wallSeconds", f.wallSeconds);
      out.put("trialsPerMinute", 60 * f.trials / f.wallSeconds);
      out.put("evaluationSecondsMedian", Stats.median(f.evaluationSeconds));
      out.put("overheadMsMedian", 1000 * Stats.median(f.overheadSeconds));
      out.put("overheadMsP90", 1000 * Stats.quantile(f.overheadSeconds, 0.9));
      out.put(
          "overheadMeasure",
          f.cycle ? "request-to-request minus evaluation" : "request-to-result minus evaluation");
      spec.commandLine()
          .getOut()
          .println(
              json
                  ? JSON.writeValueAsString(out)
                  : String.format(
                      "%d evaluator(s) x %d thread(s), %d in flight, %d warm-up trials: %d trials in %.1f s"
                          + " (%.1f trials/min); evaluation median %.3f s; overhead per trial"
                          + " median %.1f ms, p90 %.1f ms (%s); stage medians: request to runs"
                          + " minus evaluation %.1f ms, runs to result %.1f ms, result to next"
                          + " request %.1f ms",
                      evaluators,
                      threads,
                      flight,
                      warmup,
                      f.trials,
                      f.wallSeconds,
                      60 * f.trials / f.wallSeconds,
                      Stats.median(f.evaluationSeconds),
                      1000 * Stats.median(f.overheadSeconds),
                      1000 * Stats.quantile(f.overheadSeconds, 0.9),
                      out.get("overheadMeasure").asText(),
                      1000 * f.stages[0],
                      1000 * f.stages[1],
                      1000 * f.stages[2]));
      return ExitCodes.OK;
    }
  }

  /** A random-search study of identical evaluations on iris, one seed per trial. */
  private ObjectNode study(String name, int budget) throws Exception {
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

  private record Figures(
      int trials,
      double wallSeconds,
      double[] evaluationSeconds,
      double[] overheadSeconds,
      boolean cycle,
      double[] stages) {}

  /** Reads the study's records from the trials, evaluations and results topics. */
  private static Figures measure(
      String bootstrap, Map<String, String> security, String id, boolean cycle) throws Exception {
    Map<Integer, Long> requested = new HashMap<>();
    Map<Integer, Long> completed = new HashMap<>();
    Map<Integer, Double> evaluation = new HashMap<>();
    Map<Integer, Long> lastRun = new HashMap<>();
    for (ConsumerRecord<String, String> r :
        readAll(bootstrap, security, List.of(Topics.TRIALS, Topics.EVALUATIONS, Topics.RESULTS))) {
      StudyEvent e = StudyEvent.of(r, id);
      if (e == null) {
        continue;
      }
      if (e.event() instanceof TrialRequested t) {
        requested.putIfAbsent(t.trialNumber(), r.timestamp());
      } else if (e.event() instanceof TrialCompleted t) {
        completed.putIfAbsent(t.trialNumber(), r.timestamp());
      } else if (e.event() instanceof RunEvaluated run) {
        evaluation.merge(run.trialNumber(), run.run().seconds(), Double::sum);
        lastRun.merge(run.trialNumber(), r.timestamp(), Math::max);
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

  private static List<ConsumerRecord<String, String>> readAll(
      String bootstrap, Map<String, String> security, List<String> topics) {
    try (TopicTail tail = new TopicTail(bootstrap, security, topics)) {
      return tail.history();
    }
  }

  private static void progress(ProgressBar bar, JsonNode view, String stage) {
    int done = view.path("trialsCompleted").asInt();
    int budget = view.path("budget").asInt();
    bar.update(done, budget, String.format("%s study, %d/%d trials", stage, done, budget));
  }

  private static double median(List<Double> v) {
    return Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
