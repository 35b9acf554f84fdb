package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.experiments.StudyEvent;
import org.neurohpo.experiments.SystemBench;
import org.neurohpo.kafka.support.TopicReader;
import org.neurohpo.local.LocalSystem;
import org.neurohpo.local.ProgressBar;
import org.neurohpo.local.StudyClient;
import org.neurohpo.model.Topics;
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
    try (LocalSystem system =
        LocalSystem.start(
            cluster.against, kafkaSecurity, evaluators, threads, flight, "neurohpo-bench-")) {
      StudyClient client = system.client();
      JsonNode view;
      String id;
      try (ProgressBar bar = ProgressBar.onStderr(quiet.quiet, "bench-system")) {
        if (warmup > 0) {
          client.awaitEnd(
              client.submit(
                  SystemBench.study("bench-system-warmup", warmup, population, generations)),
              v -> progress(bar, v, "warm-up"));
        }
        id = client.submit(SystemBench.study("bench-system", trials, population, generations));
        view = client.awaitEnd(id, v -> progress(bar, v, "measured"));
      }
      SystemBench.Setup setup = new SystemBench.Setup(evaluators, threads, flight, warmup);
      SystemBench.Figures f =
          SystemBench.measure(events(system.bootstrap(), kafkaSecurity, id), setup.cycle());
      spec.commandLine()
          .getOut()
          .println(
              json
                  ? JSON.writeValueAsString(
                      SystemBench.json(setup, view.path("trialsCompleted").asInt(), f))
                  : SystemBench.text(setup, f));
      return ExitCodes.OK;
    }
  }

  /** The study's events on the trials, evaluations and results topics, with their timestamps. */
  private static List<SystemBench.Timed> events(
      String bootstrap, Map<String, String> security, String id) {
    List<SystemBench.Timed> events = new ArrayList<>();
    for (ConsumerRecord<String, String> r :
        readAll(bootstrap, security, List.of(Topics.TRIALS, Topics.EVALUATIONS, Topics.RESULTS))) {
      StudyEvent e = StudyEvent.decode(r.topic(), r.value(), id);
      if (e != null) {
        events.add(new SystemBench.Timed(e.event(), r.timestamp()));
      }
    }
    return events;
  }

  private static List<ConsumerRecord<String, String>> readAll(
      String bootstrap, Map<String, String> security, List<String> topics) {
    try (TopicReader tail = new TopicReader(bootstrap, security, topics)) {
      return tail.history();
    }
  }

  private static void progress(ProgressBar bar, JsonNode view, String stage) {
    int done = view.path("trialsCompleted").asInt();
    int budget = view.path("budget").asInt();
    bar.update(done, budget, String.format("%s study, %d/%d trials", stage, done, budget));
  }
}
