package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ObjectNode study(double simTime) {
    ObjectNode s = JSON.createObjectNode().put("name", "recommended-1").put("budget", 1);
    s.putObject("fixedParams").put("simTime", simTime).put("bins", 2);
    return s;
  }

  @Test
  void aFolderWithoutSummaryIsNotDone() {
    assertThat(new Step(study(37), dir).done()).isFalse();
  }

  @Test
  void aFinishedFolderOfTheSameSpecIsDone() throws IOException {
    Files.writeString(dir.resolve("study.json"), JSON.writeValueAsString(study(37)));
    Files.writeString(dir.resolve("summary.json"), "{}");
    assertThat(new Step(study(37), dir).done()).isTrue();
  }

  @Test
  void aFinishedFolderOfAnotherSpecIsAnErrorNotAResult() throws IOException {
    // e.g. the search now recommends another set than the one this folder re-measured
    Files.writeString(dir.resolve("study.json"), JSON.writeValueAsString(study(37)));
    Files.writeString(dir.resolve("summary.json"), "{}");
    assertThatThrownBy(() -> new Step(study(40), dir).done())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            dir
                + " holds a finished study of another spec (fixedParams differ): move it away to"
                + " run this one again");
  }
}
