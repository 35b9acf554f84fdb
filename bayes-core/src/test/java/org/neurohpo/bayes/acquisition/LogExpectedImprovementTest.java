package org.neurohpo.bayes.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogExpectedImprovementTest {

  /** log h(z) by quadrature: h(z) = phi(z) * int_0^inf u exp(z u - u^2/2) du. */
  private static double logHByQuadrature(double z) {
    double upper = 40 / Math.max(1, Math.abs(z)) + 12;
    int steps = 200_000;
    double dx = upper / steps;
    double s = 0;
    for (int k = 0; k <= steps; k++) {
      double u = k * dx;
      double f = u * Math.exp(z * u - 0.5 * u * u);
      s += (k == 0 || k == steps ? 1 : (k % 2 == 1 ? 4 : 2)) * f;
    }
    return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) + Math.log(s * dx / 3);
  }

  @Test
  void matchesClosedFormForModerateZ() {
    double mu = 1.3;
    double sigma = 0.7;
    for (double best : new double[] {-1, 0.5, 1.3, 2, 4}) {
      double z = (best - mu) / sigma;
      double ei = sigma * (z * LogExpectedImprovement.cdf(z) + LogExpectedImprovement.phi(z));
      assertThat(LogExpectedImprovement.value(mu, sigma, best))
          .isCloseTo(Math.log(ei), within(1e-10));
    }
  }

  @Test
  void staysFiniteAndAccurateForVeryNegativeZ() {
    for (double z : new double[] {-5, -20, -24.99, -25.01, -40, -100}) {
      assertThat(LogExpectedImprovement.logH(z))
          .as("z=%s", z)
          .isCloseTo(logHByQuadrature(z), within(1e-6 * Math.abs(logHByQuadrature(z))));
    }
    assertThat(LogExpectedImprovement.logH(-1e4)).isFinite();
  }

  @Test
  void derivativeMatchesFiniteDifferencesOnBothSidesOfTheCut() {
    for (double z : new double[] {2, 0, -3, -24, -26, -60}) {
      double h = 1e-5;
      double fd =
          (LogExpectedImprovement.logH(z + h) - LogExpectedImprovement.logH(z - h)) / (2 * h);
      assertThat(LogExpectedImprovement.dLogH(z))
          .as("z=%s", z)
          .isCloseTo(fd, within(1e-4 * Math.max(1, Math.abs(fd))));
      double fdc =
          (LogExpectedImprovement.logCdf(z + h) - LogExpectedImprovement.logCdf(z - h)) / (2 * h);
      assertThat(LogExpectedImprovement.dLogCdf(z))
          .isCloseTo(fdc, within(1e-4 * Math.max(1, Math.abs(fdc))));
    }
  }
}
