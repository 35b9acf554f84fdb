package org.neurohpo.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaLocalTest {

  @Test
  void producesAndConsumesThroughARealBroker() throws Exception {
    try (KafkaLocal broker = KafkaLocal.builder().start()) {
      createTopic(broker, "probe");
      produce(broker, "probe", "study-1", "hello");
      assertThat(consumeAll(broker, "probe", 1)).containsExactly("study-1=hello");
    }
  }

  @Test
  void keptDataDirectorySurvivesARestartOnTheSamePorts(@TempDir Path dir) throws Exception {
    int port;
    int controllerPort;
    try (KafkaLocal first = KafkaLocal.builder().dataDir(dir).start()) {
      port = first.port();
      controllerPort = first.controllerPort();
      createTopic(first, "kept");
      produce(first, "kept", "k", "before-restart");
    }
    try (KafkaLocal second =
        KafkaLocal.builder().dataDir(dir).port(port).controllerPort(controllerPort).start()) {
      produce(second, "kept", "k", "after-restart");
      assertThat(consumeAll(second, "kept", 2))
          .containsExactly("k=before-restart", "k=after-restart");
    }
    assertThat(dir.resolve("log")).isDirectory();
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> KafkaLocal.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in [0, 65535], got 70000");
  }

  private static void createTopic(KafkaLocal broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(KafkaLocal broker, String topic, String key, String value)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static List<String> consumeAll(KafkaLocal broker, String topic, int expected) {
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    return seen;
  }
}
