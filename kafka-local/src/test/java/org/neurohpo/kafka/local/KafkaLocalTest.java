package org.neurohpo.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
  void listensOnEveryInterfaceAndAdvertisesTheGivenHost() throws Exception {
    try (KafkaLocal broker =
        KafkaLocal.builder().listenHost("0.0.0.0").advertisedHost("localhost").start()) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:" + broker.port()))) {
        assertThat(admin.describeCluster().nodes().get())
            .singleElement()
            .satisfies(n -> assertThat(n.host()).isEqualTo("localhost"));
      }
      createTopic(broker, "everywhere");
      produce(broker, "everywhere", "k", "v");
      assertThat(consumeAll(broker, "everywhere", 1)).containsExactly("k=v");
    }
  }

  @Test
  void rejectsAListenHostWithAPort() {
    assertThatThrownBy(() -> KafkaLocal.builder().listenHost("0.0.0.0:9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listen host");
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

  private static void produce(KafkaLocal broker, String topic, String key, String value) {
    new TopicProbe(broker.bootstrapServers()).send(topic, key, value);
  }

  private static List<String> consumeAll(KafkaLocal broker, String topic, int expected) {
    return new TopicProbe(broker.bootstrapServers())
        .read(topic, expected, Duration.ofSeconds(30)).stream()
            .map(r -> r.key() + "=" + r.value())
            .toList();
  }
}
