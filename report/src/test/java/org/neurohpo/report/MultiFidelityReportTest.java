package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.MultiFidelityReplay;
import org.neurohpo.experiments.MultiFidelityReplayTest;

/** The replay's report on the committed Pima grid (240 sets x 20 measured runs). */
class MultiFidelityReportTest {
  private static Grid pima;

  @TempDir Path dir;

  @BeforeAll
  static void readGrid() {
    pima = MultiFidelityReplayTest.pimaGrid();
  }

  private static MultiFidelityReplay replay(int min, int max, int eta) {
    return MultiFidelityReplayTest.replay(min, max, eta);
  }

  @Test
  void reportCountsSuccessesPerStrategyAndBudgetAndTestsAThirdOfTheRuns() throws Exception {
    MultiFidelityReplay replay = replay(2, 10, 3);
    String best = pima.best().key();
    String worst = pima.ranked().get(pima.ranked().size() - 1).key();
    List<MultiFidelityReplay.Outcome> rows = new ArrayList<>();
    // bo at 300 runs: 3 of 4 seeds; asha-bo: 2 of 4 at 60 runs, 3 of 4 at 100, 4 of 4 at 300
    int[][] wins = {{300, 3, 0}, {60, 2, 1}, {100, 3, 1}, {300, 4, 1}};
    for (int[] w : wins) {
      for (int seed = 1; seed <= 4; seed++) {
        String set = seed <= w[1] ? best : worst;
        rows.add(
            new MultiFidelityReplay.Outcome(
                w[2] == 0 ? "bo" : "asha-bo",
                w[0],
                seed,
                w[0],
                w[0] / 10,
                set,
                pima.cell(set).rank(),
                pima.cell(set).mean(),
                pima.indistinguishableFromBest(set, 0.05)));
      }
    }
    MultiFidelityReport report = new MultiFidelityReport(replay, rows);
    assertThat(report.reference().rate()).isEqualTo(0.75);
    assertThat(report.rate("asha-bo", 60).successes()).isEqualTo(2);
    assertThat(report.matchingBudget("asha-bo")).isEqualTo(100);
    assertThat(report.matchingBudget("bo")).isEqualTo(-1);
    report.write(dir, "test");
    assertThat(Files.readAllLines(dir.resolve("success.csv"))).hasSize(1 + 4);
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("asha-bo: reaches it at 100 runs");
    assertThat(dir.resolve("figures/success-vs-runs.svg")).exists();
  }
}
