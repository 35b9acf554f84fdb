package org.neurohpo.bayes.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class AcquisitionTest {
  private final NormalDistribution normal = new NormalDistribution(0, 1);

  @Test
  void logEiEqualsTheClosedForm() {
    for (double mean = -3; mean <= 3; mean += 0.25) {
      for (double sd : new double[] {0.1, 0.5, 1, 2}) {
        double best = 0.2;
        double z = (best - mean) / sd;
        if (z < -6) {
          continue; // the textbook form cancels catastrophically there; see the next test
        }
        double ei = sd * (z * normal.cumulativeProbability(z) + normal.density(z));
        assertThat(Acquisition.LOG_EI.score(mean, sd * sd, best))
            .isCloseTo(Math.log(ei), within(1e-9 + 1e-9 * Math.abs(Math.log(ei))));
      }
    }
  }

  @Test
  void logEiStaysFiniteAndMonotoneFarBelowTheIncumbent() {
    double previous = Double.POSITIVE_INFINITY;
    for (double z = -1; z >= -60; z -= 0.5) {
      double v = Acquisition.logH(z);
      assertThat(v).isFinite().isLessThan(previous);
      previous = v;
    }
    // asymptotically log h(z) ~ log φ(z) - 2 log(-z)
    double z = -40;
    double asymptote = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
    assertThat(Acquisition.logH(z)).isCloseTo(asymptote, within(1e-2));
  }

  @Test
  void logEiIsContinuousAcrossTheBranches() {
    assertThat(Acquisition.logH(-5 + 1e-9)).isCloseTo(Acquisition.logH(-5 - 1e-9), within(1e-6));
    assertThat(Acquisition.logH(-25 + 1e-9)).isCloseTo(Acquisition.logH(-25 - 1e-9), within(1e-4));
  }

  @Test
  void millsRatioMatchesTheNormalTail() {
    for (double x = 3; x < 8; x += 0.5) {
      double expected = normal.cumulativeProbability(-x) / normal.density(x);
      assertThat(Acquisition.millsRatio(x)).isCloseTo(expected, within(1e-10));
    }
  }

  @Test
  void probabilityOfImprovementIsLogPhi() {
    assertThat(Acquisition.PI.score(0, 1, 0)).isCloseTo(Math.log(0.5), within(1e-12));
    assertThat(Acquisition.PI.score(0, 1, -10)).isFinite();
  }

  @Test
  void ucbPrefersLowMeanAndHighVariance() {
    assertThat(Acquisition.UCB.score(0, 1, 0)).isGreaterThan(Acquisition.UCB.score(1, 1, 0));
    assertThat(Acquisition.UCB.score(0, 4, 0)).isGreaterThan(Acquisition.UCB.score(0, 1, 0));
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    double[] d = new double[2];
    for (Acquisition a : Acquisition.values()) {
      for (double mean : new double[] {-1, 0.3, 2, 6}) {
        double var = 0.7;
        a.derivatives(mean, var, 0.1, d);
        double h = 1e-6;
        double dm = (a.score(mean + h, var, 0.1) - a.score(mean - h, var, 0.1)) / (2 * h);
        double dv = (a.score(mean, var + h, 0.1) - a.score(mean, var - h, 0.1)) / (2 * h);
        assertThat(d[0]).as("%s d/dmean at %s", a, mean).isCloseTo(dm, within(1e-5));
        assertThat(d[1]).as("%s d/dvar at %s", a, mean).isCloseTo(dv, within(1e-5));
      }
    }
  }
}
