package org.neurohpo.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.KafkaBroker;

/** The evaluator on a real broker: trials in, one evaluation per seed out, bad records to DLQ. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class TrialListenerTest {

  @Test
  void publishesOneEvaluationPerSeedKeyedByStudy() throws InterruptedException {
    TrialRequested trial =
        new TrialRequested(
            1,
            "study-a",
            7,
            "iris",
            Map.of("populationSize", 10, "generations", 3),
            List.of(1L, 2L, 3L));
    send(Topics.TRIALS, "study-a", EventCodec.encode(trial));
    List<ConsumerRecord<String, String>> got = read(Topics.EVALUATIONS, "study-a", 3);
    assertThat(got).hasSize(3);
    assertThat(got).allMatch(r -> r.key().equals("study-a"));
    List<Long> seeds = new ArrayList<>();
    for (ConsumerRecord<String, String> r : got) {
      Event e = EventCodec.decode(r.value());
      assertThat(e).isInstanceOf(RunEvaluated.class);
      assertThat(((RunEvaluated) e).trialNumber()).isEqualTo(7);
      seeds.add(((RunEvaluated) e).run().seed());
    }
    assertThat(seeds).containsExactlyInAnyOrder(1L, 2L, 3L);
    String metrics = io.restassured.RestAssured.given().get("/q/metrics").asString();
    assertThat(metrics).contains("neurohpo_evaluation_seconds_count").contains("kafka_consumer");
  }

  @Test
  void evaluatesARegisteredDataSetLoadedFromItsTopic() throws InterruptedException {
    StringBuilder csv = new StringBuilder("x,y,class\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i % 2)
          .append(',')
          .append((i / 2) % 3)
          .append(',')
          .append(i % 2 == 0 ? "even" : "odd")
          .append('\n');
    }
    String text = csv.toString();
    String id = DatasetRegistered.idOf(text);
    send(
        Topics.DATASETS,
        id,
        new DatasetRegistered(1, id, "parity", "tester", 40, 2, 2, text, java.time.Instant.now())
            .encode());
    TrialRequested trial =
        new TrialRequested(
            1, "study-d", 1, id, Map.of("populationSize", 10, "generations", 3), List.of(5L));
    send(Topics.TRIALS, "study-d", EventCodec.encode(trial));
    List<ConsumerRecord<String, String>> got = read(Topics.EVALUATIONS, "study-d", 1);
    assertThat(got).hasSize(1);
    assertThat(EventCodec.decode(got.get(0).value())).isInstanceOf(RunEvaluated.class);

    // an id nobody registered fails the run, naming it
    String unknown = "sha256:" + "1".repeat(64);
    send(
        Topics.TRIALS,
        "study-e",
        EventCodec.encode(new TrialRequested(1, "study-e", 1, unknown, Map.of(), List.of(5L))));
    List<ConsumerRecord<String, String>> failed = read(Topics.EVALUATIONS, "study-e", 1);
    assertThat(failed).hasSize(1);
    assertThat(((RunFailed) EventCodec.decode(failed.get(0).value())).reason())
        .isEqualTo("unknown data set '" + unknown + "' (not registered)");
  }

  /**
   * Kafka refusing the runs (here: the evaluations topic takes no record over 16 bytes; a broker
   * unreachable for longer than the producer's delivery.timeout.ms fails a send the same way): the
   * evaluator sends them again until Kafka takes them, rather than dead-letter the trial it ran.
   */
  @Test
  void runsKafkaRefusedAreSentAgainAndTheirTrialIsNotDeadLettered() throws InterruptedException {
    TrialRequested trial =
        new TrialRequested(
            1,
            "study-r",
            3,
            "iris",
            Map.of("populationSize", 10, "generations", 3),
            List.of(1L, 2L));
    try {
      KafkaBroker.probe().topicConfig(Topics.EVALUATIONS, "max.message.bytes", "16");
      send(Topics.TRIALS, "study-r", EventCodec.encode(trial));
      // the trial runs in well under a second; its first run is refused, again 2 and 6 s later
      Thread.sleep(8_000);
      assertThat(KafkaBroker.probe().read(Topics.EVALUATIONS, 10_000, Duration.ofSeconds(2)))
          .noneMatch(r -> "study-r".equals(r.key()));
    } finally {
      KafkaBroker.probe().topicConfig(Topics.EVALUATIONS, "max.message.bytes", null);
    }
    // taken at the next attempt, at most 8 s after the last refusal
    assertThat(read(Topics.EVALUATIONS, "study-r", 2)).hasSize(2);
    assertThat(
            KafkaBroker.probe()
                .read(Topics.deadLetter(Topics.TRIALS), 10_000, Duration.ofSeconds(2)))
        .noneMatch(r -> "study-r".equals(r.key()));
    assertThat(io.restassured.RestAssured.given().get("/q/metrics").asString())
        .containsPattern(
            "neurohpo_kafka_sends_refused_total\\{topic=\"neurohpo.evaluations.v1\",?\\} [1-9]");
  }

  @Test
  void malformedRecordGoesToTheDeadLetterTopicWithTheReason() {
    send(Topics.TRIALS, "study-b", "{\"type\":\"TrialRequested\",\"trialNumber\":-4}");
    List<ConsumerRecord<String, String>> dlq = read(Topics.deadLetter(Topics.TRIALS), 1);
    assertThat(dlq).hasSize(1);
    Header reason = dlq.get(0).headers().lastHeader("dead-letter-reason");
    assertThat(reason).isNotNull();
    assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
  }

  private static void send(String topic, String key, String value) {
    KafkaBroker.probe().send(topic, key, value);
  }

  private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
    return KafkaBroker.probe().read(topic, expected, Duration.ofSeconds(60));
  }

  /** The records of {@code key} on the topic, once there are {@code expected} (60 s at most). */
  private static List<ConsumerRecord<String, String>> read(String topic, String key, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<ConsumerRecord<String, String>> got = List.of();
    while (got.size() < expected && System.nanoTime() < deadline) {
      got =
          KafkaBroker.probe().read(topic, 10_000, Duration.ofSeconds(1)).stream()
              .filter(r -> key.equals(r.key()))
              .toList();
    }
    return got;
  }
}
