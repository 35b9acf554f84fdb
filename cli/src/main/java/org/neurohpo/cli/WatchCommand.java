package org.neurohpo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
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
      List.of(
          "neurohpo.studies.v1",
          "neurohpo.trials.v1",
          "neurohpo.evaluations.v1",
          "neurohpo.results.v1");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_ID", description = "the study, e.g. study-1a2b3c4d")
  String studyId;

  @Option(
      names = "--against",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
  String against;

  @Option(names = "--json", description = "print each event as one JSON line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String bootstrap = bootstrap(against);
    PrintWriter out = spec.commandLine().getOut();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      try {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> topics =
            c.listTopics(Duration.ofSeconds(15));
        for (String t : TOPICS) {
          topics
              .getOrDefault(t, List.of())
              .forEach(p -> parts.add(new TopicPartition(t, p.partition())));
        }
      } catch (KafkaException e) {
        throw new IllegalArgumentException(
            "cannot reach Kafka at " + bootstrap + ": " + e.getMessage());
      }
      if (parts.isEmpty()) {
        throw new IllegalArgumentException(
            "no neurohpo topics on the Kafka cluster at " + bootstrap);
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      // history: everything up to now, in time order across topics
      List<ConsumerRecord<String, String>> history = new ArrayList<>();
      List<ConsumerRecord<String, String>> live = new ArrayList<>();
      while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) ? history : live)
              .add(r);
        }
      }
      history.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
      history.addAll(live);
      boolean seen = false;
      for (ConsumerRecord<String, String> r : history) {
        JsonNode e = event(r);
        if (e != null) {
          seen = true;
          if (print(out, e)) {
            return ExitCodes.OK;
          }
        }
      }
      if (!seen) {
        spec.commandLine()
            .getErr()
            .println("neurohpo watch: no events of " + studyId + " yet; waiting (Ctrl-C stops)");
        spec.commandLine().getErr().flush();
      }
      while (true) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          JsonNode e = event(r);
          if (e != null && print(out, e)) {
            return ExitCodes.OK;
          }
        }
      }
    }
  }

  /** The event of this study in the record, or null (another study's, or unreadable). */
  private JsonNode event(ConsumerRecord<String, String> r) {
    try {
      JsonNode e = JSON.readTree(r.value());
      return e != null && studyId.equals(e.path("studyId").asText()) ? e : null;
    } catch (JsonProcessingException ex) {
      return null; // dead-lettered by the services
    }
  }

  /** Prints the event; true when the study has ended. */
  private boolean print(PrintWriter out, JsonNode e) {
    out.println(json ? e.toString() : EventLines.of(e));
    out.flush();
    return EventLines.ends(e);
  }

  static String bootstrap(String against) {
    if (against != null && !against.isBlank()) {
      return against;
    }
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    return env != null && !env.isBlank() ? env : "localhost:9092";
  }
}
