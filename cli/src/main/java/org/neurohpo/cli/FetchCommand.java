package org.neurohpo.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neurohpo.experiments.EventLines;
import org.neurohpo.experiments.RunFolder;
import org.neurohpo.experiments.StudyEvent;
import org.neurohpo.kafka.support.TopicReader;
import org.neurohpo.local.Style;
import org.neurohpo.model.Topics;
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
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_ID", description = "the study")
  String studyId;

  @Mixin Options.Bootstrap cluster;
  @Mixin Options.Out out;

  @Override
  public Integer call() throws Exception {
    String bootstrap = cluster.bootstrap();
    List<StudyEvent> events = new ArrayList<>();
    try (TopicReader tail =
        TopicReader.open(
            bootstrap,
            cluster.kafka.settings(),
            List.of(Topics.STUDIES, Topics.RESULTS, Topics.TRIALS))) {
      List<ConsumerRecord<String, String>> history = tail.history();
      history.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
      for (ConsumerRecord<String, String> r : history) {
        StudyEvent e = StudyEvent.decode(r.topic(), r.value(), studyId);
        if (e != null) {
          events.add(e);
        }
      }
    }
    RunFolder.Fetched f =
        RunFolder.fromEvents(studyId, events)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no study " + studyId + " on the Kafka cluster at " + bootstrap));
    RunFolder.write(out.out, f.view(), f.study(), f.wallSeconds());
    spec.commandLine().getOut().println(EventLines.runFolder(f.view(), out.out, Style::state));
    return ExitCodes.OK;
  }
}
