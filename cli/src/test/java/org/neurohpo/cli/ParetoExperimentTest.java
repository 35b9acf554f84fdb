package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.report.ParetoReport;

/**
 * `neurohpo experiment pareto` end to end on the real system: ParEGO and random search, two
 * optimizer seeds each, and the report with fronts and hypervolumes.
 */
class ParetoExperimentTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @Test
  void paregoAndRandomSearchWriteFrontsAndHypervolumes() throws Exception {
    Path space = dir.resolve("space.json");
    Files.writeString(
        space,
        """
        {"searchSpace": {"parameters": [
           {"name": "bins", "type": "int", "low": 2, "high": 8},
           {"name": "simTime", "type": "int", "low": 8, "high": 40},
           {"name": "preset", "type": "cat", "choices": ["RISP-1", "RISP-7", "RISP-F"]}]},
         "fixedParams": {"populationSize": 8, "generations": 2}}
        """);
    Path out = dir.resolve("exp");
    Cli cli =
        Cli.run(
            "experiment",
            "pareto",
            "--dataset",
            "iris",
            "--space",
            space.toString(),
            "--optimizer-seeds",
            "2",
            "--budget",
            "6",
            "--runs",
            "2",
            "--evaluators",
            "1",
            "--out",
            out.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    Map<String, List<List<ParetoReport.Point>>> points = ParetoReport.read(out);
    assertThat(points.keySet()).containsExactly("parego", "random");
    for (List<List<ParetoReport.Point>> studies : points.values()) {
      assertThat(studies).hasSize(2).allMatch(s -> s.size() == 6);
      assertThat(studies.get(0)).allMatch(p -> p.energy() > 0 && p.neurons() > 0);
    }
    // each study measures on its own run seeds: optimizer seed 2 on 2001, 2002
    assertThat(Files.readAllLines(out.resolve("search/random/seed-2/runs.csv")).subList(1, 13))
        .extracting(r -> r.split(",")[1])
        .containsOnly("2001", "2002");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("search/parego/seed-1/study.json").toFile())
                .path("strategy")
                .asText())
        .isEqualTo("parego");
    String page = Files.readString(out.resolve("report/report.html"));
    assertThat(page)
        .contains("Accuracy vs energy on iris", "Mann-Whitney", "<svg", "Front of parego");
    assertThat(Files.readAllLines(out.resolve("report/data/hypervolume.csv"))).hasSize(1 + 4 * 6);
    assertThat(Cli.run("report", out.toString()).exitCode()).isZero();
  }
}
