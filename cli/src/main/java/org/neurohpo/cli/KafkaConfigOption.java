package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.Map;
import org.neurohpo.kafka.support.KafkaConfigFile;
import picocli.CommandLine.Option;

/** {@code --kafka-config FILE}: the client security settings of a secured Kafka cluster. */
final class KafkaConfigOption {
  static final String ENV = KafkaConfigFile.ENV;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Kafka client security settings (security.protocol, sasl.*, ssl.*) in a properties"
              + " file, as Kafka's tools take with --command-config; default: $"
              + ENV
              + ", else none (PLAINTEXT)")
  Path file;

  /** The settings of the option's file, else of $NEUROHPO_KAFKA_CONFIG's, else none. */
  Map<String, String> settings() {
    if (file != null) {
      return KafkaConfigFile.load(file, "--kafka-config");
    }
    String env = System.getenv(ENV);
    return env == null || env.isBlank()
        ? Map.of()
        : KafkaConfigFile.load(Path.of(env.strip()), "$" + ENV);
  }

  /**
   * The settings for the cluster {@code against}; none for a broker the command starts itself,
   * where an explicit --kafka-config is a mistake.
   */
  Map<String, String> settingsFor(String against) {
    if (against == null) {
      if (file != null) {
        throw new IllegalArgumentException(
            "--kafka-config goes with --against (the broker started here needs no credentials)");
      }
      return Map.of();
    }
    return settings();
  }
}
