package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.local.LocalStack;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.Topics;

/**
 * `watch` against a broker that wants a client certificate (`kafka-local --tls DIR --client-auth`):
 * with DIR/client.properties it reads a study's events; without a certificate, or without TLS, it
 * ends with one line.
 */
class MutualTlsCliTest {
  @TempDir static Path dir;
  private static LocalStack stack;
  private static String bootstrap;
  private static Path config;

  @BeforeAll
  static void startABrokerThatWantsCertificates() throws Exception {
    Path tls = dir.resolve("tls");
    stack =
        new LocalStack(
            Path.of("..").toAbsolutePath().normalize(),
            Files.createDirectories(dir.resolve("logs")));
    stack.brokerOptions(List.of("--tls", tls.toString(), "--client-auth"));
    bootstrap = stack.startBroker(dir.resolve("kafka"));
    config = tls.resolve("client.properties");
    Map<String, Object> settings = new HashMap<>();
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(config)) {
      p.load(in);
    }
    p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
    assertThat(settings)
        .containsEntry("security.protocol", "SSL")
        .containsKey("ssl.keystore.location");
    settings.put("bootstrap.servers", bootstrap);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      // valid events of the wire contract: watch skips what the codec cannot read, as the
      // services dead-letter it, and would wait for the study's end forever
      StudySpec spec =
          new StudySpec(
              "mtls",
              "iris",
              "random",
              1,
              List.of(1L),
              JsonNodeFactory.instance.objectNode(),
              Map.of("generations", 1),
              7);
      for (Event e :
          List.<Event>of(
              new StudyCreated(Event.SCHEMA_VERSION, "study-mtls", spec, Instant.EPOCH),
              new StudyStopped(Event.SCHEMA_VERSION, "study-mtls", "test", Instant.EPOCH))) {
        producer
            .send(new ProducerRecord<>(Topics.STUDIES, "study-mtls", EventCodec.encode(e)))
            .get();
      }
    }
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void watchReadsTheStudyWithTheCertificate() {
    Cli watch =
        Cli.run(
            "watch",
            "study-mtls",
            "--against",
            bootstrap,
            "--kafka-config",
            config.toString(),
            "--json");
    assertThat(watch.exitCode()).as(watch.err()).isZero();
    assertThat(watch.out().strip().split("\n"))
        .hasSize(2)
        .satisfies(l -> assertThat(l[0]).contains("StudyCreated"))
        .satisfies(l -> assertThat(l[1]).contains("StudyStopped"));
  }

  @Test
  void withoutACertificateWatchIsRefusedInOneLine() throws IOException {
    List<String> noKey = new ArrayList<>();
    for (String line : Files.readAllLines(config)) {
      if (!line.startsWith("ssl.keystore") && !line.startsWith("ssl.key.")) {
        noKey.add(line);
      }
    }
    Path file = dir.resolve("no-key.properties");
    Files.write(file, noKey);
    Cli watch =
        Cli.run("watch", "study-mtls", "--against", bootstrap, "--kafka-config", file.toString());
    assertThat(watch.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(watch.err().strip())
        .doesNotContain("\n")
        .contains("Kafka at " + bootstrap + " refused the client");
  }

  @Test
  void withoutTlsWatchIsOneLine() {
    Cli watch = Cli.run("watch", "study-mtls", "--against", bootstrap);
    assertThat(watch.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(watch.err().strip())
        .doesNotContain("\n")
        .contains("speaks TLS and this client does not");
  }
}
