package org.neurohpo.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialRequested;

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
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBroker.broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      p.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      c.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
