package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Option blocks that several commands share, as picocli mixins. */
final class Options {
  private Options() {}

  /** {@code --against HOST:PORT [--kafka-config FILE]} of a command that starts services. */
  static final class Cluster {
    @Option(
        names = "--against",
        paramLabel = "HOST:PORT",
        description = "use this Kafka cluster instead of starting a broker")
    String against;

    @Mixin KafkaConfigOption kafka;

    /** The security settings the services get; none for the broker started here. */
    Map<String, String> settings() {
      return kafka.settingsFor(against);
    }
  }

  /** {@code --against HOST:PORT [--kafka-config FILE]} of a command that reads the topics. */
  static final class Bootstrap {
    @Option(
        names = "--against",
        paramLabel = "HOST:PORT",
        description =
            "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
    String against;

    @Mixin KafkaConfigOption kafka;

    /** --against, else $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092. */
    String bootstrap() {
      if (against != null && !against.isBlank()) {
        return against;
      }
      String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
      return env != null && !env.isBlank() ? env : "localhost:9092";
    }
  }

  /** {@code --out DIR}, required. */
  static final class Out {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;
  }

  /** {@code -q/--quiet}. */
  static final class Quiet {
    @Option(
        names = {"-q", "--quiet"},
        description = "no progress bar or progress lines")
    boolean quiet;
  }

  /** {@code --evaluators N} of the local system, default 2. */
  static final class Evaluators {
    @Option(
        names = "--evaluators",
        paramLabel = "N",
        description = "evaluator instances (default ${DEFAULT-VALUE})")
    int evaluators = 2;
  }
}
