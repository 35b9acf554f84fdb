package org.neurohpo.bayes.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Against scikit-learn 1.2.1 (scripts/gp-reference/generate.py) and against itself. */
class GaussianProcessTest {

  private static JsonNode reference() throws IOException {
    try (InputStream in = GaussianProcessTest.class.getResourceAsStream("/gp-reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[][] matrix(JsonNode a) {
    double[][] m = new double[a.size()][];
    for (int i = 0; i < a.size(); i++) {
      m[i] = vector(a.get(i));
    }
    return m;
  }

  private static double[] vector(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  private static Hyper hyper(JsonNode c) {
    double[] ls = vector(c.get("lengthscales"));
    double[] t = new double[ls.length + 2];
    for (int i = 0; i < ls.length; i++) {
      t[i] = Math.log(ls[i]);
    }
    t[ls.length] = Math.log(c.get("signal").asDouble());
    t[ls.length + 1] = Math.log(c.get("noise").asDouble());
    return new Hyper(t);
  }

  @Test
  void posteriorMatchesScikitLearn() throws IOException {
    for (JsonNode c : reference().get("cases")) {
      GaussianProcess gp = GaussianProcess.fit(hyper(c), matrix(c.get("x")), vector(c.get("y")), 0);
      double[][] xs = matrix(c.get("xs"));
      double[] out = new double[2];
      for (int i = 0; i < xs.length; i++) {
        gp.predict(xs[i], out);
        assertThat(out[0]).isCloseTo(c.get("mean").get(i).asDouble(), within(1e-6));
        assertThat(out[1]).isCloseTo(c.get("variance").get(i).asDouble(), within(1e-6));
      }
    }
  }

  @Test
  void logMarginalLikelihoodMatchesScikitLearn() throws IOException {
    for (JsonNode c : reference().get("cases")) {
      HyperFit fit = new HyperFit(matrix(c.get("x")), vector(c.get("y")));
      assertThat(fit.logMarginalLikelihood(hyper(c)))
          .isCloseTo(c.get("logMarginalLikelihood").asDouble(), within(1e-5));
    }
  }

  @Test
  void analyticGradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = new double[12][3];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = rng.nextDouble();
      }
      y[i] = Math.sin(4 * x[i][0]) + x[i][1] * x[i][2];
    }
    HyperFit fit = new HyperFit(x, y);
    double[] theta = {Math.log(0.4), Math.log(0.8), Math.log(0.2), Math.log(1.3), Math.log(0.01)};
    double[] grad = new double[5];
    fit.objective(theta, grad);
    for (int k = 0; k < 5; k++) {
      double h = 1e-6;
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += h;
      down[k] -= h;
      double numeric =
          (fit.objective(up, new double[5]) - fit.objective(down, new double[5])) / (2 * h);
      assertThat(grad[k]).as("d/dtheta[%d]", k).isCloseTo(numeric, within(1e-4));
    }
  }

  @Test
  void appendingEqualsRefittingAndTruncateUndoesIt() {
    SplittableRandom rng = new SplittableRandom(9);
    double[][] x = new double[20][2];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
      y[i] = Math.cos(3 * x[i][0]) - x[i][1];
    }
    Hyper h = new Hyper(new double[] {Math.log(0.3), Math.log(0.5), 0, Math.log(1e-3)});
    GaussianProcess full = GaussianProcess.fit(h, x, y, 0);
    double[][] first = java.util.Arrays.copyOf(x, 15);
    GaussianProcess grown = GaussianProcess.fit(h, first, java.util.Arrays.copyOf(y, 15), 2);
    for (int i = 15; i < 20; i++) {
      grown.append(x[i], y[i]); // grows past its capacity too
    }
    double[] a = new double[2];
    double[] b = new double[2];
    double[] probe = {0.37, 0.81};
    full.predict(probe, a);
    grown.predict(probe, b);
    assertThat(b[0]).isCloseTo(a[0], within(1e-9));
    assertThat(b[1]).isCloseTo(a[1], within(1e-9));
    grown.truncate(15);
    GaussianProcess partial = GaussianProcess.fit(h, first, java.util.Arrays.copyOf(y, 15), 0);
    partial.predict(probe, a);
    grown.predict(probe, b);
    assertThat(b[0]).isCloseTo(a[0], within(1e-9));
  }

  @Test
  void duplicatePointsWithoutNoiseStillFactorWithJitter() {
    double[][] x = {{0.5}, {0.5}, {0.5}};
    double[] y = {1, 1, 1};
    Hyper h = new Hyper(new double[] {Math.log(0.3), 0, Math.log(1e-6)});
    double[] out = new double[2];
    GaussianProcess.fit(h, x, y, 0).predict(new double[] {0.5}, out);
    assertThat(out[0]).isCloseTo(1.0, within(1e-3));
  }

  @Test
  void fittingRecoversAShortLengthscaleForAWigglyFunction() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[30][2];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
      y[i] = Math.sin(12 * x[i][0]); // varies fast along x0, not at all along x1
    }
    Hyper fitted = new HyperFit(x, y).fit(Hyper.initial(2), 2, 80, new SplittableRandom(2));
    assertThat(fitted.lengthscale(0)).isLessThan(fitted.lengthscale(1));
  }

  @Test
  void predictiveGradientsMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(4);
    double[][] x = new double[15][3];
    double[] y = new double[15];
    for (int i = 0; i < 15; i++) {
      x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      y[i] = Math.sin(5 * x[i][0]) + x[i][2];
    }
    Hyper h = new Hyper(new double[] {Math.log(0.3), Math.log(0.6), Math.log(0.2), 0, -6});
    GaussianProcess gp = GaussianProcess.fit(h, x, y, 0);
    double[] xs = {0.41, 0.27, 0.66};
    double[] out = new double[2];
    double[] dm = new double[3];
    double[] dv = new double[3];
    gp.predictWithGradient(xs, out, dm, dv);
    double[] plain = new double[2];
    gp.predict(xs, plain);
    assertThat(out[0]).isCloseTo(plain[0], within(1e-12));
    assertThat(out[1]).isCloseTo(plain[1], within(1e-12));
    for (int j = 0; j < 3; j++) {
      double[] up = xs.clone();
      double[] down = xs.clone();
      up[j] += 1e-6;
      down[j] -= 1e-6;
      double[] a = new double[2];
      double[] b = new double[2];
      gp.predict(up, a);
      gp.predict(down, b);
      assertThat(dm[j]).isCloseTo((a[0] - b[0]) / 2e-6, within(1e-5));
      assertThat(dv[j]).isCloseTo((a[1] - b[1]) / 2e-6, within(1e-5));
    }
  }
}
