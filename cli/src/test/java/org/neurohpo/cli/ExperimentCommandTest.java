package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `neurohpo experiment grid-vs-search` end to end on the real system: a 6-set grid with 2 runs per
 * set, then GP-BO and random search with 2 optimizer seeds each, and the report.
 */
class ExperimentCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @Test
  void runsTheGridAndTheSearchesThroughTheServicesAndWritesTheReport() throws IOException {
    Path gridSpec = dir.resolve("grid.json");
    Files.writeString(
        gridSpec,
        """
        {"name": "g", "dataset": "iris", "strategy": "grid", "budget": 1, "seeds": [1],
         "searchSpace": {"parameters": [
           {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
           {"name": "bins", "type": "ordinal", "values": [2, 4], "when": {"encoder": ["bins"]}},
           {"name": "maxSpikes", "type": "ordinal", "values": [2, 8], "when": {"encoder": ["rate"]}},
           {"name": "simTime", "type": "ordinal", "values": [6, 16]}],
          "constraints": ["(maxSpikes - 1) * 2 < simTime"]},
         "fixedParams": {"populationSize": 8, "generations": 2}}
        """);
    Path out = dir.resolve("exp");
    Cli cli = experiment(gridSpec, out);
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    // bins 2 x simTime 2 + rate/maxSpikes=2 x 2 + rate/maxSpikes=8 only with simTime 16: 7 sets
    JsonNode grid = new ObjectMapper().readTree(out.resolve("grid/summary.json").toFile());
    assertThat(grid.get("trialsCompleted").asInt()).isEqualTo(7);
    assertThat(grid.get("runsPerTrial").asInt()).isEqualTo(2);
    for (String s : List.of("bo", "random")) {
      for (int seed = 1; seed <= 2; seed++) {
        Path study = out.resolve("search/" + s + "/seed-" + seed);
        assertThat(Files.readAllLines(study.resolve("trials.csv"))).hasSize(1 + 3);
        // the searches' runs use seeds apart from the grid's
        assertThat(Files.readAllLines(study.resolve("runs.csv")).subList(1, 7))
            .allMatch(r -> r.split(",")[1].startsWith("100"));
      }
    }
    String page = Files.readString(out.resolve("report/report.html"));
    assertThat(page)
        .contains("Grid vs search on iris", "<svg", "bo", "random", "./neurohpo experiment");
    assertThat(Files.readAllLines(out.resolve("report/data/outcomes.csv"))).hasSize(1 + 1 + 4);
    assertThat(out.resolve("report/grid-bench.csv")).isNotEmptyFile();
    // rerunning resumes: everything is there, so only the report is written again
    Cli again = experiment(gridSpec, out, "--quiet");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).doesNotContain("trials in");
  }

  private static Cli experiment(Path gridSpec, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "experiment",
                "grid-vs-search",
                "--dataset",
                "iris",
                "--grid-spec",
                gridSpec.toString(),
                "--grid-runs",
                "2",
                "--optimizer-seeds",
                "2",
                "--budget",
                "3",
                "--runs",
                "2",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void reportOfAFolderWithoutAGridIsOneLine() {
    Cli cli = Cli.run("report", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("not an experiment folder");
  }
}
