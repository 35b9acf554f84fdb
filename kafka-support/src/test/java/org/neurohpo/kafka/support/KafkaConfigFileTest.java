package org.neurohpo.kafka.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A --kafka-config file is checked when read: each mistake is one line naming it. */
class KafkaConfigFileTest {
  @TempDir Path dir;

  @Test
  void readsSecuritySettingsAndResolvesStoresFromTheFilesFolder() throws IOException {
    Files.writeString(dir.resolve("trust.p12"), "not read here");
    Path file =
        write(
            """
            security.protocol=SASL_SSL
            sasl.mechanism=SCRAM-SHA-512
            sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
              username="u" password="p";
            ssl.truststore.location=trust.p12
            ssl.truststore.password=secret
            """);
    assertThat(KafkaConfigFile.load(file, "--kafka-config"))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.location", dir.resolve("trust.p12").toString())
        .hasSize(5);
  }

  @Test
  void rejectsAMissingFile() {
    assertThatThrownBy(() -> KafkaConfigFile.load(dir.resolve("none"), "--kafka-config"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--kafka-config " + dir.resolve("none") + ": no such file");
  }

  /** A file's text and what the one-line error says about it. */
  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "bootstrap.servers=elsewhere:9092",
            "'bootstrap.servers' is not a Kafka client security setting"),
        Arguments.of("sasl.mechanisms=PLAIN", "'sasl.mechanisms' is not a Kafka client"),
        Arguments.of(
            "security.protocol=TLS", "Invalid value TLS for configuration security.protocol"),
        Arguments.of(
            "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512",
            "security.protocol SASL_SSL needs sasl.jaas.config"),
        Arguments.of(
            "security.protocol=SSL\nssl.keystore.location=/nowhere/client.p12",
            "ssl.keystore.location /nowhere/client.p12: no such file"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void rejectsAMistakeInOneLineNamingTheFile(String text, String message) throws IOException {
    Path file = write(text + "\n");
    assertThatThrownBy(() -> KafkaConfigFile.load(file, "$NEUROHPO_KAFKA_CONFIG"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("$NEUROHPO_KAFKA_CONFIG " + file + ": ")
        .hasMessageContaining(message)
        .hasMessageNotContaining("\n");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, text);
    return file;
  }
}
