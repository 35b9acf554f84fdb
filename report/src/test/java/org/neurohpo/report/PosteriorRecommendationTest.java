package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.experiments.StudyResult;

class PosteriorRecommendationTest {

  @TempDir Path dir;

  /** A random-search study over x in 0..20 that measured the given (x, mean) pairs. */
  private StudyResult study(double[][] measured) throws IOException {
    Files.writeString(
        dir.resolve("study.json"),
        """
        {"name": "s", "dataset": "iris", "strategy": "random", "optimizerSeed": 3,
         "budget": 20, "seeds": [1],
         "searchSpace": {"parameters": [{"name": "x", "type": "int", "low": 0, "high": 20}]}}
        """);
    Files.writeString(dir.resolve("summary.json"), "{}");
    StringBuilder t = new StringBuilder("number,x,mean,std,runs\n");
    StringBuilder r = new StringBuilder("trialNumber,seed,trainAccuracy,testAccuracy\n");
    for (int i = 0; i < measured.length; i++) {
      t.append(i).append(',').append(measured[i][0]).append(',').append(measured[i][1]);
      t.append(",0.0,1\n");
      r.append(i).append(",1,1.0,").append(measured[i][1]).append('\n');
    }
    Files.writeString(dir.resolve("trials.csv"), t);
    Files.writeString(dir.resolve("runs.csv"), r);
    return StudyResult.read(dir);
  }

  private static double hill(double x) {
    return 0.8 - 0.002 * (x - 10) * (x - 10);
  }

  @Test
  void withoutNoiseItRecommendsTheBestMeasuredSet() throws IOException {
    double[][] m = new double[11][];
    for (int i = 0; i <= 10; i++) {
      m[i] = new double[] {2 * i, hill(2 * i)};
    }
    assertThat(PosteriorRecommendation.of(study(m))).isEqualTo("x=10");
  }

  @Test
  void aLuckySetAmongPoorNeighboursLosesToAConsistentlyGoodRegion() throws IOException {
    // a smooth hill peaking at x = 10 (0.8), measured with small noise; x = 18 (truly ~0.67)
    // measured 0.85 once, between neighbours measured near their true 0.70 and 0.64
    double[] xs = {0, 2, 4, 6, 8, 9, 10, 11, 12, 14, 16, 17, 18, 19, 20};
    double[] noise = {
      0.01, -0.01, 0.005, -0.005, 0.01, -0.01, 0, 0.005, -0.005, 0.01, -0.01, 0.005, 0, -0.005, 0.01
    };
    double[][] m = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      m[i] = new double[] {xs[i], xs[i] == 18 ? 0.85 : hill(xs[i]) + noise[i]};
    }
    StudyResult s = study(m);
    assertThat(s.best().params()).containsEntry("x", "18");
    String byPosterior = PosteriorRecommendation.of(s);
    assertThat(byPosterior).isIn("x=9", "x=10", "x=11");
  }
}
