package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

class ParEgoStrategyTest {
  private static final SearchSpace SPACE =
      SpaceJson.parse(
          "[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1},"
              + "{\"name\":\"y\",\"type\":\"float\",\"low\":0,\"high\":1}]");
  private static final double[] REF = {1.1, 11};

  /** ZDT1 in two variables: a convex front f2 = 1 - sqrt(f1) at y = 0. */
  static double[] zdt1(Map<String, ?> p) {
    double x = ((Number) p.get("x")).doubleValue();
    double y = ((Number) p.get("y")).doubleValue();
    double g = 1 + 9 * y;
    return new double[] {x, g * (1 - Math.sqrt(x / g))};
  }

  static double hypervolume(Strategy s, int budget) {
    List<double[]> seen = new ArrayList<>();
    while (seen.size() < budget) {
      for (Candidate c : s.ask(2)) {
        double[] f = zdt1(c.params());
        seen.add(f);
        s.tell(List.of(new Observation(c.id(), c.params(), f[0], f)));
      }
    }
    return Pareto.hypervolume2d(seen, REF);
  }

  @Test
  void weightsLieOnTheSimplexAndDependOnlyOnSeedAndAsk() {
    double[] w = ParEgoStrategy.weights(3, 7, 3);
    assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(Arrays.stream(w).allMatch(v -> v >= 0)).isTrue();
    assertThat(ParEgoStrategy.weights(3, 7, 3)).containsExactly(w);
    assertThat(ParEgoStrategy.weights(3, 8, 3)).isNotEqualTo(w);
  }

  @Test
  void scalarisesNormalisedObjectivesWithTheAugmentedTchebycheffFunction() {
    List<double[]> f =
        List.of(new double[] {0, 10}, new double[] {1, 30}, new double[] {0.5, Double.NaN});
    double[] s = ParEgoStrategy.scalarise(f, new double[] {0.25, 0.75});
    // normalised: (0, 0), (1, 1), (0.5, worst = 1)
    assertThat(s[0]).isCloseTo(0, within(1e-12));
    assertThat(s[1]).isCloseTo(0.75 + 0.05 * 1.0, within(1e-12));
    assertThat(s[2]).isCloseTo(0.75 + 0.05 * (0.125 + 0.75), within(1e-12));
  }

  @Test
  void sameSeedAndHistoryGiveTheSameCandidates() {
    ParEgoStrategy a = new ParEgoStrategy(SPACE, 5, BayesOptions.forStudy(2, 20), 2);
    ParEgoStrategy b = new ParEgoStrategy(SPACE, 5, BayesOptions.forStudy(2, 20), 2);
    for (int round = 0; round < 6; round++) {
      List<Candidate> ca = a.ask(2);
      List<Candidate> cb = b.ask(2);
      assertThat(ca).isEqualTo(cb);
      for (Candidate c : ca) {
        double[] f = zdt1(c.params());
        a.tell(List.of(new Observation(c.id(), c.params(), f[0], f)));
        b.tell(List.of(new Observation(c.id(), c.params(), f[0], f)));
      }
    }
  }

  @Test
  void findsABetterFrontThanRandomSearchAtTheSameBudget() {
    // median hypervolume over 5 seeds, 30 evaluations each, on ZDT1
    double[] parego = new double[5];
    double[] random = new double[5];
    for (int s = 0; s < 5; s++) {
      parego[s] = hypervolume(new ParEgoStrategy(SPACE, s, BayesOptions.forStudy(2, 30), 2), 30);
      random[s] = hypervolume(new RandomStrategy(SPACE, s, true), 30);
    }
    Arrays.sort(parego);
    Arrays.sort(random);
    assertThat(parego[2]).isGreaterThan(random[2]);
  }

  @Test
  void frontAndHypervolumeOfTwoObjectives() {
    List<double[]> p =
        List.of(new double[] {1, 3}, new double[] {2, 1}, new double[] {3, 3}, new double[] {5, 0});
    assertThat(Pareto.front(p)).containsExactly(0, 1, 3);
    // (5, 0) lies beyond the reference in the first objective: it adds nothing
    assertThat(Pareto.hypervolume2d(p, new double[] {4, 4})).isCloseTo(7, within(1e-12));
    assertThat(Pareto.hypervolumeTrace(p, new double[] {4, 4})).containsExactly(3, 7, 7, 7);
  }
}
