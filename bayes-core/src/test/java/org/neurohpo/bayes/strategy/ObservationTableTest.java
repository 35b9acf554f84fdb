package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SpaceJson;

class ObservationTableTest {

  @Test
  void replicateVarianceIsThePooledSpreadOfRepeatedRuns() {
    ObservationTable t =
        new ObservationTable(
            SpaceJson.parse("[{\"name\":\"a\",\"type\":\"ordinal\",\"values\":[1,2,3]}]"));
    t.add(new Observation(null, Map.of("a", 1), 5.0));
    assertThat(t.replicateVariance()).isNaN();
    t.add(new Observation(null, Map.of("a", 2), 1.0));
    t.add(new Observation(null, Map.of("a", 2), 3.0)); // s^2 = 2 with 1 dof
    t.add(new Observation(null, Map.of("a", 3), 10.0));
    t.add(new Observation(null, Map.of("a", 3), 10.0));
    t.add(new Observation(null, Map.of("a", 3), 13.0)); // ss = 6 with 2 dof
    assertThat(t.replicateVariance()).isCloseTo((2.0 + 6.0) / 3, within(1e-12));
    assertThat(t.points().get(2).mean()).isCloseTo(11.0, within(1e-12));
  }

  @Test
  void identicalRepeatsHaveNoSpread() {
    ObservationTable t =
        new ObservationTable(
            SpaceJson.parse("[{\"name\":\"a\",\"type\":\"ordinal\",\"values\":[1,2,3]}]"));
    for (int i = 0; i < 3; i++) {
      t.add(new Observation(null, Map.of("a", 2), 0.1 + 0.2));
    }
    assertThat(t.replicateVariance()).isEqualTo(0.0);
  }
}
