package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchComparisonReportTest {
  private static SearchComparisonReport.Row row(String strategy, int seed, double... fresh) {
    return new SearchComparisonReport.Row(strategy, seed, Map.of("bins", "3"), 0.9, fresh);
  }

  @Test
  void comparesByFreshMeansWithTheExactMannWhitneyAndSeedBySeed() {
    // bo's three recommendations all above random's: U = 9 of 9, exact two-sided p = 2/20
    List<SearchComparisonReport.Row> bo =
        List.of(row("bo", 1, 0.90, 0.92), row("bo", 2, 0.93, 0.95), row("bo", 3, 0.91, 0.93));
    List<SearchComparisonReport.Row> random =
        List.of(
            row("random", 1, 0.80, 0.82),
            row("random", 2, 0.85, 0.85),
            row("random", 3, 0.70, 0.72));
    String s = SearchComparisonReport.comparison("bo", bo, "random", random);
    assertThat(s)
        .contains("median fresh test mean 0.9200 vs 0.8100")
        .contains("Mann-Whitney p = 0.100,")
        .contains("no difference shown at level 0.05")
        .contains("bo better on 3 of 3 optimizer seeds.");
  }

  @Test
  void pairsOnlySeedsBothStrategiesFinished() {
    List<SearchComparisonReport.Row> bo =
        List.of(row("bo", 1, 0.7, 0.7), row("bo", 2, 0.9, 0.9), row("bo", 4, 0.95, 0.95));
    List<SearchComparisonReport.Row> random =
        List.of(row("random", 1, 0.8, 0.8), row("random", 2, 0.9, 0.9));
    assertThat(SearchComparisonReport.comparison("bo", bo, "random", random))
        .contains("bo better on 0 of 2 optimizer seeds, 1 tied.");
    assertThat(SearchComparisonReport.comparison("bo", bo.subList(0, 1), "random", random))
        .contains("too few finished searches");
  }
}
