package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neurohpo.experiments.SpecFiles;

class CommittedSpecsTest {

  /** The committed study specs pass the optimizer's checks (known HPs, ranges, named data set). */
  @Test
  void everyCommittedSpecPassesTheOptimizersChecks() throws Exception {
    for (Path spec :
        java.util.List.of(
            Path.of("..", "examples", "01-iris-quickstart.json"),
            Path.of("..", "experiments", "encoding-grid-iris.json"),
            Path.of("..", "experiments", "hardware-space.json"),
            Path.of("..", "experiments", "joint-space.json"))) {
      assertThat(org.neurohpo.optimizer.service.SpecProblems.of(SpecFiles.readObject(spec)))
          .as(spec.toString())
          .isEmpty();
    }
  }
}
