package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `neurohpo experiment multifidelity` on the committed Pima grid (no broker, no EONS). */
class MultiFidelityExperimentTest {
  private static final String PIMA = "../docs/results/2026-11-29-grid-vs-search-pima";

  @TempDir Path dir;

  private static Cli multifidelity(Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("experiment", "multifidelity", "--grid", PIMA, "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void replaysTheStrategiesAndWritesTheReport() throws Exception {
    Path out = dir.resolve("mf");
    Cli cli =
        multifidelity(
            out, "--strategies", "bo,asha-random", "--optimizer-seeds", "2", "--budgets", "130,40");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<String> success = Files.readAllLines(out.resolve("success.csv"));
    assertThat(success).hasSize(1 + 2 * 2);
    assertThat(success.get(1)).startsWith("bo,40,2,");
    assertThat(Files.readAllLines(out.resolve("replay.csv"))).hasSize(1 + 2 * 2 * 2);
    assertThat(Files.readString(out.resolve("experiment.json")))
        .contains("\"experiment\" : \"multifidelity\"")
        .contains("measured before the validation split");
    assertThat(out.resolve("report.md")).exists();
    assertThat(out.resolve("figures/success-vs-runs.png")).exists();
    // a grid measured with the validation split: told validation, judged on test, and says so
    Path validation = dir.resolve("mf-validation");
    Cli v =
        Cli.run(
            "experiment",
            "multifidelity",
            "--grid",
            "../docs/results/2026-12-03-grid-vs-search-pima",
            "--out",
            validation.toString(),
            "--strategies",
            "asha-random",
            "--optimizer-seeds",
            "1",
            "--budgets",
            "40");
    assertThat(v.exitCode()).as(v.err()).isZero();
    assertThat(Files.readString(validation.resolve("experiment.json")))
        .contains("Objective: the runs' validation accuracy; judgement:")
        .doesNotContain("per-run test accuracy");
  }

  @Test
  void badInputGetsOneLineNamingIt() {
    String[][] cases = {
      {"--strategies", "asha-gp"},
      {"--max-runs", "30"},
      {"--eta", "1"},
      {"--budgets", "0"},
      {"--min-runs", "0"},
      {"--min-runs", "6", "--max-runs", "4"}
    };
    String[] expected = {
      "unknown strategy 'asha-gp'",
      "only 20 runs per set",
      "--eta must be >= 2, got 1",
      "--budgets",
      "--min-runs must be >= 1, got 0",
      "--max-runs must be >= 6, got 4"
    };
    for (int i = 0; i < cases.length; i++) {
      Cli cli = multifidelity(dir.resolve("x"), cases[i]);
      assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err().strip().lines()).hasSize(1);
      assertThat(cli.err()).contains(expected[i]);
    }
    Cli missing =
        Cli.run("experiment", "multifidelity", "--grid", dir.toString(), "--out", dir.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("no trials.csv");
  }
}
