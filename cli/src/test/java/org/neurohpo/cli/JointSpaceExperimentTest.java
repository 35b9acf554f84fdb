package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.experiments.StudyResult;
import org.neurohpo.report.SearchComparisonReport;

/**
 * `neurohpo experiment joint-space` end to end on the real system: GP-BO and random search over a
 * small space of encoding, EONS and hardware HPs, then every recommendation on the fresh seeds.
 */
class JointSpaceExperimentTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @Test
  void searchesWithBothStrategiesThenMeasuresEachRecommendationOnTheFreshSeeds() throws Exception {
    Path space = dir.resolve("joint.json");
    Files.writeString(
        space,
        """
        {"searchSpace": {"parameters": [
           {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
           {"name": "bins", "type": "int", "low": 2, "high": 5, "when": {"encoder": ["bins"]}},
           {"name": "mutationRate", "type": "float", "low": 0.1, "high": 0.9},
           {"name": "preset", "type": "cat", "choices": ["RISP-1", "RISP-7"]}]},
         "fixedParams": {"populationSize": 8, "generations": 2}}
        """);
    Path out = dir.resolve("exp");
    Cli cli = joint(space, out);
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    for (String strategy : List.of("bo", "random")) {
      for (int s = 1; s <= 2; s++) {
        StudyResult search = StudyResult.read(out.resolve("search/" + strategy + "/seed-" + s));
        assertThat(search.trials()).hasSize(3);
        assertThat(search.spec().path("strategy").asText()).isEqualTo(strategy);
        int first = 1000 * s + 1;
        assertThat(
                Files.readAllLines(out.resolve("search/" + strategy + "/seed-" + s + "/runs.csv"))
                    .subList(1, 3))
            .as("%s search %d measures on the seeds of optimizer seed %d", strategy, s, s)
            .allMatch(
                r -> {
                  long base = Long.parseLong(r.split(",")[1]) % 1_000_000;
                  return base == first || base == first + 1;
                });
        StudyResult fresh = StudyResult.read(out.resolve("fresh/" + strategy + "/seed-" + s));
        assertThat(fresh.trials()).hasSize(1);
        assertThat(fresh.trials().get(0).params()).isEqualTo(search.best().params());
        assertThat(
                Files.readAllLines(out.resolve("fresh/" + strategy + "/seed-" + s + "/runs.csv"))
                    .subList(1, 4))
            .allMatch(r -> r.split(",")[1].startsWith("90000"));
      }
    }
    Map<String, List<SearchComparisonReport.Row>> rows = SearchComparisonReport.rows(out);
    assertThat(rows).containsOnlyKeys("bo", "random");
    assertThat(rows.get("bo")).extracting(SearchComparisonReport.Row::seed).containsExactly(1, 2);
    assertThat(rows.values()).allMatch(rs -> rs.stream().allMatch(r -> r.fresh().length == 3));
    String page = Files.readString(out.resolve("report/report.html"));
    assertThat(page).contains("Search strategies compared on iris", "Mann-Whitney", "<svg");
    // resumed: nothing to run, the report again; `report` knows the folder
    Cli again = joint(space, out, "--quiet");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).doesNotContain("trials in");
    assertThat(Cli.run("report", out.toString()).exitCode()).isZero();
  }

  @Test
  void anUnknownStrategyIsOneLine() {
    Cli cli =
        joint(
            Path.of("../experiments/joint-space.json"),
            dir.resolve("x"),
            "--strategies",
            "bo,grid");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .contains("'grid' is not a single-objective search strategy");
  }

  private static Cli joint(Path space, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "experiment",
                "joint-space",
                "--dataset",
                "iris",
                "--space",
                space.toString(),
                "--optimizer-seeds",
                "2",
                "--budget",
                "3",
                "--runs",
                "2",
                "--fresh-runs",
                "3",
                "--evaluators",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
