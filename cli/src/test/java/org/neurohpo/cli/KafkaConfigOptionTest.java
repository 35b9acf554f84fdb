package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConfigOptionTest {
  @TempDir Path dir;

  @Test
  void theOptionGoesWithAgainst() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "security.protocol=SSL\n");
    Cli cli = Cli.run("run", "study.json", "--kafka-config", file.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .contains("--kafka-config goes with --against");
  }
}
