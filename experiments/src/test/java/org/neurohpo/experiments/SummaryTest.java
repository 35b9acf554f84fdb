package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void summaryUsesSampleStandardDeviation() {
    Summary s = Summary.of(new double[] {0.9, 1.0});
    assertThat(s.mean()).isEqualTo(0.95, within(1e-12));
    assertThat(s.std()).isEqualTo(Math.sqrt(0.005), within(1e-12));
    assertThat(s.median()).isEqualTo(0.95, within(1e-12));
  }

  @Test
  void oneRunHasNoSpreadAndItsOwnMedian() {
    Summary s = Summary.of(new double[] {0.7});
    assertThat(s.std()).isZero();
    assertThat(s.median()).isEqualTo(0.7);
  }
}
