package org.neurohpo.bayes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optimizer's quality on the benchmark harness's deterministic problems (seeds 0-19, 40
 * evaluations, as {@code bench.py} runs them; the in-process driver proposes exactly what the
 * harness's peer proposes) stays at the figures last recorded in docs/benchmarks.md: a change that
 * makes the search worse fails the build instead of hiding behind an old table. A change that makes
 * it better should record the new figures there and here.
 */
class OptimizerQualityTest {

  @ParameterizedTest(name = "{0} batch {1}: median regret@40 <= {2}")
  @CsvSource({
    // problem, batch, median regret@40 recorded in docs/benchmarks.md (issue 16, 2026-12-02)
    "branin, 1, 0.0000198",
    "mixed, 1, 0.0338",
    "hartmann6, 1, 0.0833",
    // batches: the harness's per-seed regrets differ from the driver's in a few seeds (bench.py
    // 0.124 with the fantasy incumbent), so this row holds the driver's own figure
    "hartmann6, 4, 0.1255"
  })
  void medianRegretAt40StaysAtTheRecordedFigure(String problem, int batch, double recorded)
      throws Exception {
    InProcessBench.Problem p = InProcessBench.problem(problem);
    ExecutorService ex = Executors.newFixedThreadPool(2);
    List<Future<double[]>> runs = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      long s = seed;
      runs.add(ex.submit(() -> InProcessBench.run(p, s, 40, batch)));
    }
    double[] regret = new double[runs.size()];
    for (int i = 0; i < regret.length; i++) {
      regret[i] = runs.get(i).get()[0];
    }
    ex.shutdown();
    Arrays.sort(regret);
    double median = 0.5 * (regret[9] + regret[10]);
    System.out.printf("MEASURED %s batch %d median regret@40 %.6g%n", problem, batch, median);
    // the recorded figures come from bench.py, printed to 3 significant digits, and the harness
    // computes regret against its own optimum constant (hartmann6: in the 4th digit): 1 % margin
    assertThat(median).as("median regret@40 of %s", problem).isLessThanOrEqualTo(recorded * 1.01);
  }
}
