package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

class SurrogateTest {

  private static final SearchSpace BRANIN =
      SpaceJson.parse(
          "[{\"name\":\"x1\",\"type\":\"float\",\"low\":-5,\"high\":10},"
              + "{\"name\":\"x2\",\"type\":\"float\",\"low\":0,\"high\":15}]");

  /** Adds {@code k} random observations of Branin with noise. */
  private static void observe(ObservationTable table, SplittableRandom rng, int k) {
    for (int i = 0; i < k; i++) {
      Map<String, Object> p = Map.of("x1", -5 + 15 * rng.nextDouble(), "x2", 15 * rng.nextDouble());
      table.add(new Observation(null, p, BayesianStrategyTest.branin(p) + 30 * rng.nextDouble()));
    }
  }

  /** Thetas of the hyperparameters in use after each model request of a fixed schedule. */
  private static List<double[]> schedule() {
    ObservationTable table = new ObservationTable(BRANIN);
    Surrogate s = new Surrogate(table, 5, 1000, 250);
    SplittableRandom rng = new SplittableRandom(9);
    List<double[]> thetas = new ArrayList<>();
    observe(table, rng, Surrogate.DEFER_FROM);
    s.model();
    thetas.add(theta(s));
    observe(table, rng, Surrogate.DEFER_FROM / 10 + 1); // 10 % growth: a refit is due
    for (int i = 0; i <= Surrogate.deferral(221); i++) {
      assertThat(s.model()).isNotNull();
      thetas.add(theta(s));
      observe(table, rng, 1);
    }
    return thetas;
  }

  private static double[] theta(Surrogate s) {
    var h = s.hyperparameters();
    double[] t = java.util.Arrays.copyOf(h.lengthscales(), h.lengthscales().length + 2);
    t[t.length - 2] = h.signalVariance();
    t[t.length - 1] = h.noiseVariance();
    return t;
  }

  @Test
  void largeRefitsRunInTheBackgroundAndAreAdoptedAfterAFixedNumberOfObservations() {
    List<double[]> a = schedule();
    // the refit due at 10 % growth (221 points) is not in use until deferral(221) later
    for (int i = 1; i <= Surrogate.deferral(221); i++) {
      assertThat(a.get(i)).isEqualTo(a.get(0));
    }
    assertThat(a.get(Surrogate.deferral(221) + 1)).isNotEqualTo(a.get(0));
    // adoption depends on counts, not timing: the same schedule gives the same model
    List<double[]> b = schedule();
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).isEqualTo(a.get(i));
    }
  }

  /** A surrogate over 100 observations, subset-of-data above 50 (no refit due before 110). */
  private static Surrogate subsetOfDataAt100(ObservationTable table, SplittableRandom rng) {
    Surrogate s = new Surrogate(table, 5, 50, 250);
    observe(table, rng, 100);
    return s;
  }

  @Test
  void aSubsetOfDataModelTakesNewPointsIncrementallyUntilItHasGrownByATenth() {
    ObservationTable table = new ObservationTable(BRANIN);
    SplittableRandom rng = new SplittableRandom(3);
    Surrogate s = subsetOfDataAt100(table, rng);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sizes.add(s.model().size());
      observe(table, rng, 1);
    }
    // 50 chosen points, then the newest appended up to 55, then chosen again
    assertThat(sizes).containsExactly(50, 51, 52, 53, 54, 55, 50, 51);
  }

  @Test
  void aRepeatedRunOfAModelledPointRebuildsTheSubsetOfDataModel() {
    ObservationTable table = new ObservationTable(BRANIN);
    SplittableRandom rng = new SplittableRandom(3);
    Surrogate s = subsetOfDataAt100(table, rng);
    assertThat(s.model().size()).isEqualTo(50);
    observe(table, rng, 1);
    assertThat(s.model().size()).isEqualTo(51);
    ObservationTable.Point first = table.points().get(0);
    table.add(new Observation(null, first.config(), first.mean())); // same value: no noise floor
    assertThat(s.model().size()).isEqualTo(50);
  }
}
