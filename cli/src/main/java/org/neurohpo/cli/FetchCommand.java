package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.experiments.EventLines;
import org.neurohpo.experiments.RunFolder;
import org.neurohpo.kafka.support.TopicReader;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin Options.Bootstrap cluster;
  @Mixin Options.Out out;

  @Override
  public Integer call() throws Exception {
    String bootstrap = cluster.bootstrap();
    StudyEvent created = null;
    StudyEvent ended = null;
    TreeMap<Integer, StudyEvent> trials = new TreeMap<>();
    try (TopicReader tail =
        TopicReader.open(
            bootstrap, cluster.kafka.settings(), List.of(Topics.STUDIES, Topics.RESULTS))) {
      List<ConsumerRecord<String, String>> history = tail.history();
      history.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
      for (ConsumerRecord<String, String> r : history) {
        StudyEvent e = StudyEvent.of(r, studyId);
        if (e == null) {
          continue;
        }
        if (e.event() instanceof StudyCreated) {
          created = e;
        } else if (e.event() instanceof StudyCompleted || e.event() instanceof StudyStopped) {
          ended = ended == null ? e : ended;
        } else if (e.event() instanceof TrialCompleted t) {
          trials.putIfAbsent(t.trialNumber(), e);
        }
      }
    }
    if (created == null) {
      throw new IllegalArgumentException(
          "no study " + studyId + " on the Kafka cluster at " + bootstrap);
    }
    JsonNode study = created.json().path("spec");
    ObjectNode view = JSON.createObjectNode();
    view.put("studyId", studyId);
    view.put("strategy", study.path("strategy").asText());
    view.put("trialsCompleted", trials.size());
    view.put(
        "state",
        ended == null
            ? "running"
            : ended.event() instanceof StudyCompleted ? "completed" : "stopped");
    ArrayNode ts = view.putArray("trials");
    List<TrialCompleted> decoded = new ArrayList<>();
    for (StudyEvent t : trials.values()) {
      ts.add(t.json());
      decoded.add((TrialCompleted) t.event());
    }
    TrialCompleted.best(decoded)
        .ifPresent(b -> view.set("best", trials.get(b.trialNumber()).json()));
    double wall = 0;
    Instant end =
        ended == null
            ? null
            : ended.event() instanceof StudyCompleted c
                ? c.completedAt()
                : ((StudyStopped) ended.event()).stoppedAt();
    if (end != null) {
      wall =
          Duration.between(((StudyCreated) created.event()).createdAt(), end).toMillis() / 1000.0;
    }
    RunFolder.write(out.out, view, study, wall);
    spec.commandLine().getOut().println(EventLines.runFolder(view, out.out, Style::state));
    return ExitCodes.OK;
  }
}
