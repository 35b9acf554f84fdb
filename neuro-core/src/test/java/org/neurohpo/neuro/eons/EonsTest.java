package org.neurohpo.neuro.eons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.neurohpo.risp.LeakMode;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.NetworkJson;
import org.neurohpo.risp.ProcParams;
import org.neurohpo.risp.Synapse;

class EonsTest {
  private static final EonsParams SMALL =
      new EonsParams(
          20, 15, 3, 6, 0.5, 0.1, 0.9, 3, 0.1, 0.9, 0.05, 2, 0.75, 0.25, 0.75, 0.25, 2.5, 2.5, 0.65,
          0.35, 1.0);

  /** A fitness that rewards a particular structure: fewer distance from 6 synapses, strong w. */
  private static double structural(Network n) {
    double s = 0;
    for (Synapse syn : n.synapses()) {
      s += Math.abs(syn.weight()) / 7.0;
    }
    return Math.min(1.0, s / 10.0) * 0.99;
  }

  @Provide
  Arbitrary<String> presets() {
    return Arbitraries.of(ProcParams.presetNames());
  }

  @Property(tries = 40)
  void operatorsKeepNetworksWithinTheHardwareRanges(
      @ForAll @From("presets") String preset, @ForAll long seed, @ForAll boolean configurable) {
    ProcParams hw = ProcParams.preset(preset);
    if (configurable) {
      hw = hw.withLeakMode(LeakMode.CONFIGURABLE);
    }
    Variation v = new Variation(EonsParams.defaults(), hw, 3, 2);
    SplittableRandom rng = new SplittableRandom(seed);
    Network a = v.random(rng);
    Network b = v.random(rng);
    for (int i = 0; i < 30; i++) {
      v.mutate(a, rng);
      Network c = v.crossover(a, b, rng);
      Network m = v.merge(a, c);
      for (Network n : List.of(a, c, m)) {
        // the network file checks every value against the ranges when it is read back
        Network back = NetworkJson.parse(NetworkJson.write(n));
        assertThat(back.inputs()).hasSize(3);
        assertThat(back.outputs()).hasSize(2);
      }
      b = c;
    }
  }

  @Test
  void sameSeedGivesTheSameResult() throws InterruptedException {
    Eons eons = new Eons(SMALL, ProcParams.preset("RISP-7"), 3, 2);
    EonsResult a = eons.evolve(() -> EonsTest::structural, 42, 1, GenerationListener.NONE);
    EonsResult b = eons.evolve(() -> EonsTest::structural, 42, 1, GenerationListener.NONE);
    assertThat(NetworkJson.write(a.best())).isEqualTo(NetworkJson.write(b.best()));
    assertThat(a.bestFitnessPerGeneration()).containsExactly(b.bestFitnessPerGeneration());
  }

  @Test
  void resultDoesNotDependOnTheThreadCount() throws InterruptedException {
    Eons eons = new Eons(SMALL, ProcParams.preset("RISP-15"), 4, 3);
    EonsResult one = eons.evolve(() -> EonsTest::structural, 7, 1, GenerationListener.NONE);
    EonsResult two = eons.evolve(() -> EonsTest::structural, 7, 2, GenerationListener.NONE);
    EonsResult four = eons.evolve(() -> EonsTest::structural, 7, 4, GenerationListener.NONE);
    assertThat(NetworkJson.write(two.best())).isEqualTo(NetworkJson.write(one.best()));
    assertThat(NetworkJson.write(four.best())).isEqualTo(NetworkJson.write(one.best()));
    assertThat(four.bestFitnessPerGeneration()).containsExactly(one.bestFitnessPerGeneration());
  }

  @Test
  void bestFitnessNeverDropsWithElitism() throws InterruptedException {
    Eons eons = new Eons(SMALL, ProcParams.preset("RISP-7"), 3, 2);
    double[] h =
        eons.evolve(() -> EonsTest::structural, 3, 1, GenerationListener.NONE)
            .bestFitnessPerGeneration();
    for (int g = 1; g < h.length; g++) {
      assertThat(h[g]).isGreaterThanOrEqualTo(h[g - 1]);
    }
    assertThat(h[h.length - 1]).isGreaterThan(h[0]);
  }

  @Test
  void stopsEarlyAtPerfectFitness() throws InterruptedException {
    Eons eons = new Eons(SMALL, ProcParams.preset("RISP-7"), 3, 2);
    EonsResult r = eons.evolve(() -> n -> 1.0, 1, 1, GenerationListener.NONE);
    assertThat(r.generationsRun()).isEqualTo(1);
    assertThat(r.bestFitness()).isEqualTo(1.0);
  }

  @Test
  void tiesGoToTheSmallerNetwork() {
    ProcParams hw = ProcParams.preset("RISP-7");
    Network big = new Network(hw);
    big.addNeuron(1);
    big.addNeuron(1);
    Network small = new Network(hw);
    small.addNeuron(1);
    Integer[] order = Eons.rank(List.of(big, small), new double[] {0.5, 0.5});
    assertThat(order).containsExactly(1, 0);
    Integer[] byFitness = Eons.rank(List.of(big, small), new double[] {0.6, 0.5});
    assertThat(byFitness).containsExactly(0, 1);
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(
            () ->
                new EonsParams(
                    10, 10, 5, 10, 0.7, 0.5, 0.9, 3, 0.1, 0.9, 0.05, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1))
        .hasMessage("crossoverRate + mergeRate must not exceed 1, got 1.2");
    assertThatThrownBy(
            () ->
                new EonsParams(
                    10, 10, 5, 10, 0.5, 0, 0.9, 3, 0.1, 0.9, 0.05, 40, 1, 1, 1, 1, 1, 1, 1, 1, 1))
        .hasMessage("numBest must be in [0, populationSize=10], got 40");
  }
}
