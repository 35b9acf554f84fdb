package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
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
      producer
          .send(
              new ProducerRecord<>(
                  "neurohpo.studies.v1",
                  "study-mtls",
                  "{\"schemaVersion\":1,\"type\":\"StudyCreated\",\"studyId\":\"study-mtls\"}"))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  "neurohpo.studies.v1",
                  "study-mtls",
                  "{\"schemaVersion\":1,\"type\":\"StudyStopped\",\"studyId\":\"study-mtls\"}"))
          .get();
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
