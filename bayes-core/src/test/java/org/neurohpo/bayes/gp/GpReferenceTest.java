package org.neurohpo.bayes.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Posterior mean and variance against scikit-learn (scripts/gp-reference/make_gp_reference.py). */
class GpReferenceTest {

  private static double[][] matrix(JsonNode n) {
    double[][] m = new double[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      m[i] = vector(n.get(i));
    }
    return m;
  }

  private static double[] vector(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < n.size(); i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  @Test
  void posteriorMatchesScikitLearnReference() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/gp-reference.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    assertThat(cases.size()).isEqualTo(2);
    for (JsonNode c : cases) {
      Hyperparameters h =
          new Hyperparameters(
              vector(c.get("lengthscales")),
              c.get("signalVariance").asDouble(),
              c.get("noiseVariance").asDouble());
      GaussianProcess gp = GaussianProcess.of(matrix(c.get("x")), vector(c.get("y")), null, h);
      double[][] t = matrix(c.get("test"));
      double[] mean = vector(c.get("mean"));
      double[] var = vector(c.get("variance"));
      for (int i = 0; i < t.length; i++) {
        double[] mv = gp.predict(t[i]);
        assertThat(mv[0]).as("%s mean %d", c.get("name"), i).isCloseTo(mean[i], within(1e-7));
        assertThat(mv[1])
            .as("%s variance %d", c.get("name"), i)
            .isCloseTo(var[i], within(1e-7 + 1e-6 * var[i]));
      }
    }
  }

  @Test
  void fittedNoiseIsSmallOnExactDataAndLargeOnNoisyData() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    int n = 30;
    double[][] x = new double[n][2];
    double[] exact = new double[n];
    double[] noisy = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rng.nextDouble();
      x[i][1] = rng.nextDouble();
      exact[i] = Math.sin(4 * x[i][0]) + x[i][1];
      noisy[i] = exact[i] + 0.3 * (rng.nextDouble() - 0.5) * Math.sqrt(12);
    }
    GaussianProcess a = GaussianProcess.fit(x, exact, null, null, null, 2, 1);
    GaussianProcess b = GaussianProcess.fit(x, noisy, null, null, null, 2, 1);
    assertThat(a.noiseVariance()).isLessThan(1e-3);
    assertThat(b.noiseVariance()).isBetween(0.02, 0.3);
  }

  @Test
  void krigingMeanCountsAClusterOfPointsAboutOnce() {
    // 12 points of value -3 packed near (0.2, 0.2), 4 spread points of value 0: far from all of
    // them the plain model reverts to the sample mean (-2.25), the kriging model to about the
    // level of the independent evidence (nearer 0 than -1.5)
    int n = 16;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < 12; i++) {
      x[i] = new double[] {0.2 + 0.01 * (i % 4), 0.2 + 0.01 * (i / 4)};
      y[i] = -3;
    }
    double[][] spread = {{0.9, 0.1}, {0.1, 0.9}, {0.6, 0.6}, {0.9, 0.9}};
    for (int i = 0; i < 4; i++) {
      x[12 + i] = spread[i];
      y[12 + i] = 0;
    }
    Hyperparameters h = new Hyperparameters(new double[] {0.1, 0.1}, 1, 1e-4);
    double[] far = {0.45, 0.95};
    assertThat(GaussianProcess.of(x, y, null, h).mean(far)).isCloseTo(-2.25, within(0.05));
    assertThat(GaussianProcess.ofKriging(x, y, null, h).mean(far)).isGreaterThan(-1.5);
    // at the data both interpolate
    assertThat(GaussianProcess.ofKriging(x, y, null, h).mean(x[0])).isCloseTo(-3, within(0.01));
  }
}
