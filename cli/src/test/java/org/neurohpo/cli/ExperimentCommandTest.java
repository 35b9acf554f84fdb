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
    // run as one study per encoder, each kept when it ended, then merged into grid/
    assertThat(Files.readAllLines(out.resolve("grid-parts/01-bins/trials.csv"))).hasSize(1 + 4);
    assertThat(Files.readAllLines(out.resolve("grid-parts/02-rate/trials.csv"))).hasSize(1 + 3);
    assertThat(grid.get("parts").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(out.resolve("grid/runs.csv"))).hasSize(1 + 7 * 2);
    // trials.csv lists each part's trials in the order they completed: the rate part's three
    // trials are numbered after the bins part's four, in whatever order they ended
    List<String> merged = Files.readAllLines(out.resolve("grid/trials.csv"));
    assertThat(merged.subList(1, 5))
        .extracting(r -> r.split(",")[0])
        .containsOnly("0", "1", "2", "3");
    assertThat(merged.subList(5, 8)).extracting(r -> r.split(",")[0]).containsOnly("4", "5", "6");
    assertThat(merged.subList(1, 8)).extracting(r -> r.split(",")[0]).doesNotHaveDuplicates();
    for (String s : List.of("bo", "random")) {
      for (int seed = 1; seed <= 2; seed++) {
        Path study = out.resolve("search/" + s + "/seed-" + seed);
        assertThat(Files.readAllLines(study.resolve("trials.csv"))).hasSize(1 + 3);
        // each search measures on its own seeds 1000*S+1.., apart from the grid's and the others'
        String first = String.valueOf(1000 * seed + 1);
        String second = String.valueOf(1000 * seed + 2);
        assertThat(Files.readAllLines(study.resolve("runs.csv")).subList(1, 7))
            .extracting(r -> r.split(",")[1])
            .containsOnly(first, second);
      }
    }
    String page = Files.readString(out.resolve("report/report.html"));
    assertThat(page)
        .contains("Grid vs search on iris", "<svg", "bo", "random", "./neurohpo experiment");
    // the summary over data sets: here one, with its two searches
    Cli summary = Cli.run("report", "--summary", dir.resolve("sum").toString(), out.toString());
    assertThat(summary.exitCode()).as(summary.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("sum/data/summary.csv")))
        .hasSize(1 + 2)
        .element(1)
        .asString()
        .startsWith("iris,exp,7 x 2,")
        .contains(",bo,2,3 x 2,");
    assertThat(Files.readString(dir.resolve("sum/report.html")))
        .contains("Grid vs search over data sets", "<svg", "../exp/report/report.html");
    assertThat(dir.resolve("sum/figures/best-so-far-exp.svg")).isNotEmptyFile();
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
  void sensitivitySamplesTheJointSpaceSweepsEveryHpAndReportsByCategory() throws IOException {
    Path space = dir.resolve("joint.json");
    Files.writeString(
        space,
        """
        {"searchSpace": [
           {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
           {"name": "bins", "type": "int", "low": 2, "high": 6, "when": {"encoder": ["bins"]}},
           {"name": "mutationRate", "type": "float", "low": 0.2, "high": 1.0},
           {"name": "preset", "type": "cat", "choices": ["RISP-1", "RISP-7"]}],
         "fixedParams": {"populationSize": 8, "generations": 2, "simTime": 20}}
        """);
    Path out = dir.resolve("sens");
    Cli cli =
        Cli.run(
            "experiment",
            "sensitivity",
            "--dataset",
            "iris",
            "--space",
            space.toString(),
            "--trials",
            "6",
            "--runs",
            "1",
            "--sweep-values",
            "3",
            "--out",
            out.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("sample/trials.csv"))).hasSize(1 + 6);
    // numeric HPs over 3 values, categorical ones over all their choices
    assertThat(Files.readAllLines(out.resolve("sweeps/bins/trials.csv"))).hasSize(1 + 3);
    assertThat(Files.readAllLines(out.resolve("sweeps/preset/trials.csv"))).hasSize(1 + 2);
    // bins is swept under the encoder that uses it
    assertThat(Files.readString(out.resolve("sweeps/bins/study.json")))
        .contains("\"encoder\" : \"bins\"");
    List<String> rows = Files.readAllLines(out.resolve("report/data/sensitivity.csv"));
    assertThat(rows).anyMatch(r -> r.startsWith("group,encoding,"));
    assertThat(rows).anyMatch(r -> r.startsWith("group,EONS,"));
    assertThat(rows).anyMatch(r -> r.startsWith("group,hardware,"));
    assertThat(rows).anyMatch(r -> r.startsWith("hp,mutationRate,EONS,"));
    assertThat(Files.readString(out.resolve("report/report.html")))
        .contains("Sensitivity of HP categories on iris", "<svg");
  }

  @Test
  void constrainedJointSpaceIsOneLine() throws IOException {
    Path space = dir.resolve("joint.json");
    Files.writeString(
        space,
        """
        {"searchSpace": {"parameters": [{"name": "bins", "type": "int", "low": 2, "high": 6}],
                         "constraints": ["bins > 2"]}}
        """);
    Cli cli =
        Cli.run(
            "experiment",
            "sensitivity",
            "--dataset",
            "iris",
            "--space",
            space.toString(),
            "--out",
            dir.resolve("x").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("must have no constraints");
  }

  @Test
  void summaryWithoutAGridVsSearchFolderIsOneLine() throws IOException {
    Path sensitivity = Files.createDirectories(dir.resolve("s/sample"));
    Cli cli =
        Cli.run(
            "report",
            "--summary",
            dir.resolve("sum").toString(),
            sensitivity.getParent().toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .endsWith("error: --summary: none of the folders is a grid-vs-search experiment");
  }

  @Test
  void reportOfAFolderWithoutAGridIsOneLine() {
    Cli cli = Cli.run("report", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("not an experiment folder");
  }
}
