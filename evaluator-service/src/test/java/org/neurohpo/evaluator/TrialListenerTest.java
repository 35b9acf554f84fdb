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
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.KafkaBroker;

/** The evaluator on a real broker: trials in, one evaluation per seed out, bad records to DLQ. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class TrialListenerTest {

  @Test
  void publishesOneEvaluationPerSeedKeyedByStudy() {
    TrialRequested trial =
        new TrialRequested(
            1,
            "study-a",
            7,
            "iris",
            Map.of("populationSize", 10, "generations", 3),
            List.of(1L, 2L, 3L));
    send(Topics.TRIALS, "study-a", EventCodec.encode(trial));
    List<ConsumerRecord<String, String>> got = read(Topics.EVALUATIONS, 3);
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
}
