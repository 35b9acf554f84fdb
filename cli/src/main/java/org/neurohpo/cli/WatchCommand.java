package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.experiments.CausalOrder;
import org.neurohpo.experiments.EventLines;
import org.neurohpo.experiments.StudyEvent;
import org.neurohpo.kafka.support.TopicReader;
import org.neurohpo.local.Style;
import org.neurohpo.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Tails one study's events from Kafka: its history first, then live, until the study ends. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a study's events from Kafka as they happen: its history first, then live,",
      "until the study completes or is stopped (Ctrl-C stops earlier).",
      "Readable lines, or with --json the events themselves as JSON lines, to pipe into tools."
    })
final class WatchCommand implements Callable<Integer> {
  static final List<String> TOPICS =
      List.of(Topics.STUDIES, Topics.TRIALS, Topics.EVALUATIONS, Topics.RESULTS);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_ID", description = "the study, e.g. study-1a2b3c4d")
  String studyId;

  @Mixin Options.Bootstrap cluster;

  @Option(names = "--json", description = "print each event as one JSON line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String bootstrap = cluster.bootstrap();
    PrintWriter out = spec.commandLine().getOut();
    try (TopicReader tail = TopicReader.open(bootstrap, cluster.kafka.settings(), TOPICS)) {
      if (tail.isEmpty()) {
        throw new IllegalArgumentException(
            "no neurohpo topics on the Kafka cluster at " + bootstrap);
      }
      // history: everything up to now, in time order across topics, then in causal order (the
      // topics' clocks can tie or disagree); then live, in causal order too
      List<ConsumerRecord<String, String>> history = tail.history();
      history.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
      CausalOrder order = new CausalOrder();
      List<JsonNode> past = new ArrayList<>();
      for (ConsumerRecord<String, String> r : history) {
        JsonNode e = event(r);
        if (e != null) {
          past.addAll(order.accept(e));
        }
      }
      past.addAll(order.flush());
      for (JsonNode e : past) {
        if (print(out, e)) {
          return ExitCodes.OK;
        }
      }
      if (past.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("neurohpo watch: no events of " + studyId + " yet; waiting (Ctrl-C stops)");
        spec.commandLine().getErr().flush();
      }
      boolean[] ended = {false};
      while (!ended[0]) {
        tail.poll(
            Duration.ofMillis(500),
            r -> {
              JsonNode e = event(r);
              if (e != null) {
                for (JsonNode ready : order.accept(e)) {
                  if (!ended[0]) {
                    ended[0] = print(out, ready);
                  }
                }
              }
            });
      }
      return ExitCodes.OK;
    }
  }

  /** The study's event in the record as JSON, or null. */
  private JsonNode event(ConsumerRecord<String, String> r) {
    StudyEvent e = StudyEvent.decode(r.topic(), r.value(), studyId);
    return e == null ? null : e.json();
  }

  /** {@link EventLines#of} in colour on a terminal: failures red, results green, a stop yellow. */
  private static String coloured(JsonNode e) {
    String line = EventLines.of(e);
    return switch (e.path("type").asText()) {
      case "RunFailed" -> Style.red(line);
      case "TrialCompleted" -> Style.green(line);
      case "StudyCompleted" -> Style.bold(Style.green(line));
      case "StudyStopped", "TrialPruned" -> Style.yellow(line);
      default -> line;
    };
  }

  /** Prints the event; true when the study has ended. */
  private boolean print(PrintWriter out, JsonNode e) {
    out.println(json ? e.toString() : coloured(e));
    out.flush();
    return EventLines.ends(e);
  }
}
