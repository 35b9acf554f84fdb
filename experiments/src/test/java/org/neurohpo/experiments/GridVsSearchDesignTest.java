package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What grid-vs-search's experiment.json says about the grid it compares against. */
class GridVsSearchDesignTest {
  private static final Path SPEC = Path.of("encoding-grid-iris.json");
  private static final Path IRIS_GRID =
      Path.of("../docs/results/2026-12-02-grid-vs-search-iris/grid");

  @TempDir Path dir;

  private static GridVsSearchDesign design(Path out, Path grid) {
    return new GridVsSearchDesign(
        "iris",
        out,
        SPEC,
        30,
        grid,
        List.of("asha-bo"),
        2,
        35,
        10,
        new RunSeeds(false),
        2,
        "neurohpo experiment grid-vs-search ...");
  }

  private static String notes(Path out) throws Exception {
    return new ObjectMapper()
        .readTree(out.resolve("experiment.json").toFile())
        .path("notes")
        .asText();
  }

  @Test
  void aReusedGridIsNamedWithItsOwnRunsNotTheGridRunsOption() throws Exception {
    Path out = dir.resolve("reused");
    design(out, IRIS_GRID).prepare();
    assertThat(notes(out))
        .contains("the measured grid " + IRIS_GRID + " (240 sets x 20 runs), copied to grid/")
        .doesNotContain("30 runs each");
  }

  @Test
  void aGridToRunIsDescribedByItsSpecAndRuns() throws Exception {
    Path out = dir.resolve("run");
    design(out, null).prepare();
    assertThat(notes(out))
        .contains("every valid set of " + SPEC + "'s searchSpace, 30 runs each (seeds 1..30)")
        .contains("merged into grid/");
  }
}
