package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.experiments.StudyResult;
import org.neurohpo.report.HardwareReport;

/**
 * `neurohpo experiment hardware` end to end on the real system: two small GP-BO searches over the
 * hardware HPs for a fixed encoding, then the defaults and both recommendations on fresh seeds.
 */
class HardwareExperimentTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @Test
  void searchesTheHardwareThenValidatesDefaultsAndRecommendationsOnFreshSeeds() throws Exception {
    Path space = dir.resolve("hw.json");
    Files.writeString(
        space,
        """
        {"searchSpace": {"parameters": [
           {"name": "preset", "type": "cat", "choices": ["RISP-1", "RISP-7", "RISP-F"]},
           {"name": "thresholdInclusive", "type": "cat", "choices": ["true", "false"]}]},
         "fixedParams": {"populationSize": 8, "generations": 2}}
        """);
    Path out = dir.resolve("exp");
    Cli cli = hardware(space, out, "-p", "encoder=bins", "-p", "bins=3");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    for (int s = 1; s <= 2; s++) {
      StudyResult search = StudyResult.read(out.resolve("search/seed-" + s));
      assertThat(search.trials()).hasSize(3);
      assertThat(search.spec().path("fixedParams").path("bins").asInt()).isEqualTo(3);
      // the validation reruns exactly the search's best set
      StudyResult.Trial best = search.best();
      StudyResult v = StudyResult.read(out.resolve("validation/seed-" + s));
      assertThat(v.trials()).hasSize(1);
      assertThat(v.trials().get(0).params()).isEqualTo(best.params());
    }
    StudyResult defaults = StudyResult.read(out.resolve("validation/defaults"));
    assertThat(defaults.trials().get(0).params())
        .containsEntry("preset", "RISP-7")
        .containsEntry("thresholdInclusive", "true");
    // the same validation seeds for all, apart from the searches' seeds; each search on its own
    assertThat(Files.readAllLines(out.resolve("validation/defaults/runs.csv")).subList(1, 4))
        .allMatch(r -> r.split(",")[1].startsWith("90000"));
    for (int s = 1; s <= 2; s++) {
      int first = 1000 * s + 1;
      assertThat(Files.readAllLines(out.resolve("search/seed-" + s + "/runs.csv")).subList(1, 3))
          .as("search %d measures on its own seeds", s)
          .allMatch(
              r -> {
                long base = Long.parseLong(r.split(",")[1]) % 1_000_000; // repeats: + k x 10^6
                return base == first || base == first + 1;
              });
    }
    List<HardwareReport.Row> rows = HardwareReport.rows(out);
    assertThat(rows)
        .extracting(HardwareReport.Row::label)
        .containsExactly("defaults", "BO seed 1", "BO seed 2");
    assertThat(rows).allMatch(r -> r.runs().length == 3);
    String page = Files.readString(out.resolve("report/report.html"));
    assertThat(page).contains("Hardware HPs for a fixed encoding on iris", "<svg", "Welch");
    // resumed: nothing to run, the report again
    Cli again = hardware(space, out, "-p", "encoder=bins", "-p", "bins=3", "--quiet");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).doesNotContain("trials in");
    assertThat(Cli.run("report", out.toString()).exitCode()).isZero();
  }

  @Test
  void aNonHardwareHpInTheSpaceOrAHardwareHpAsEncodingIsOneLine() throws IOException {
    Path space = dir.resolve("bad.json");
    Files.writeString(
        space,
        "{\"searchSpace\": [{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 6}]}");
    Cli cli = hardware(space, dir.resolve("x"));
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("'bins' is not a hardware HP");
    Cli enc =
        hardware(
            Path.of("../experiments/hardware-space.json"), dir.resolve("y"), "-p", "preset=RISP-1");
    assertThat(enc.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(enc.err().strip()).doesNotContain("\n").contains("-p preset: not an encoding HP");
  }

  private static Cli hardware(Path space, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "experiment",
                "hardware",
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
                "--validation-runs",
                "3",
                "--evaluators",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
