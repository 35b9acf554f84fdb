package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.TrialCompleted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a study's run folder from the topics, as `run --out` would have. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/summary.json, trials.csv, runs.csv and study.json of a study from Kafka's",
      "topics: for a study run by someone else on a cluster, or one whose `run` was cut off.",
      "The study's completed trials so far when it has not ended."
    })
final class FetchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_ID", description = "the study")
  String studyId;

  @Option(
      names = "--against",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
  String against;

  @Mixin KafkaConfigOption kafka;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Override
  public Integer call() throws Exception {
    String bootstrap = WatchCommand.bootstrap(against);
    JsonNode created = null;
    JsonNode ended = null;
    TreeMap<Integer, JsonNode> trials = new TreeMap<>();
    try (TopicTail tail =
        TopicTail.open(
            bootstrap, kafka.settings(), List.of("neurohpo.studies.v1", "neurohpo.results.v1"))) {
      List<ConsumerRecord<String, String>> history = tail.history();
      history.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
      for (ConsumerRecord<String, String> r : history) {
        JsonNode e = WatchCommand.studyEvent(r, studyId);
        if (e == null) {
          continue;
        }
        switch (e.path("type").asText()) {
          case "StudyCreated" -> created = e;
          case "StudyCompleted", "StudyStopped" -> ended = ended == null ? e : ended;
          case "TrialCompleted" -> trials.putIfAbsent(e.path("trialNumber").asInt(), e);
          default -> {}
        }
      }
    }
    if (created == null) {
      throw new IllegalArgumentException(
          "no study " + studyId + " on the Kafka cluster at " + bootstrap);
    }
    JsonNode study = created.path("spec");
    ObjectNode view = JSON.createObjectNode();
    view.put("studyId", studyId);
    view.put("strategy", study.path("strategy").asText());
    view.put("trialsCompleted", trials.size());
    view.put(
        "state",
        ended == null
            ? "running"
            : ended.path("type").asText().equals("StudyCompleted") ? "completed" : "stopped");
    ArrayNode ts = view.putArray("trials");
    List<TrialCompleted> decoded = new ArrayList<>();
    for (JsonNode t : trials.values()) {
      ts.add(t);
      decoded.add((TrialCompleted) EventCodec.decode(t.toString()));
    }
    TrialCompleted.best(decoded).ifPresent(b -> view.set("best", trials.get(b.trialNumber())));
    double wall = 0;
    String end =
        ended == null
            ? ""
            : ended.path(ended.has("completedAt") ? "completedAt" : "stoppedAt").asText();
    if (!end.isEmpty()) {
      wall =
          Duration.between(Instant.parse(created.path("createdAt").asText()), Instant.parse(end))
                  .toMillis()
              / 1000.0;
    }
    RunOutputs.write(out, view, study, wall);
    spec.commandLine().getOut().println(RunOutputs.describe(view, out));
    return ExitCodes.OK;
  }
}
