package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

class BaselineStrategyTest {

  private static final SearchSpace SPACE =
      SpaceJson.parse(
          "[{\"name\":\"lr\",\"type\":\"float\",\"low\":0.001,\"high\":1,\"log\":true},"
              + "{\"name\":\"k\",\"type\":\"int\",\"low\":1,\"high\":3},"
              + "{\"name\":\"e\",\"type\":\"cat\",\"choices\":[\"a\",\"b\"]}]");

  @Test
  void gridCoversEveryCellOnceInSeededOrder() {
    GridStrategy g = new GridStrategy(SPACE, 1, 4);
    assertThat(g.size()).isEqualTo(4 * 3 * 2);
    Set<String> keys = new HashSet<>();
    List<Candidate> all = g.ask(24);
    all.forEach(c -> keys.add(SPACE.key(c.params())));
    assertThat(keys).hasSize(24);
    assertThat(all).allMatch(c -> SPACE.isValid(c.params()));
    assertThat(new GridStrategy(SPACE, 1, 4).ask(24)).isEqualTo(all);
  }

  @Test
  void randomStrategiesAreValidDistinctAndSeeded() {
    for (boolean lowDiscrepancy : new boolean[] {false, true}) {
      RandomStrategy r = new RandomStrategy(SPACE, 2, lowDiscrepancy);
      List<Candidate> c = r.ask(30);
      assertThat(c).allMatch(x -> SPACE.isValid(x.params()));
      assertThat(c.stream().map(x -> SPACE.key(x.params())).distinct()).hasSize(30);
      assertThat(new RandomStrategy(SPACE, 2, lowDiscrepancy).ask(30)).isEqualTo(c);
    }
  }

  @Test
  void stoppingRulesFireAsSpecified() {
    List<Double> v = List.of(5.0, 3.0, 2.9, 2.95, 3.1, 2.99);
    assertThat(StoppingRule.budget(6).shouldStop(v)).isTrue();
    assertThat(StoppingRule.budget(7).shouldStop(v)).isFalse();
    assertThat(StoppingRule.target(2.9).shouldStop(v)).isTrue();
    assertThat(StoppingRule.target(2.0).shouldStop(v)).isFalse();
    assertThat(StoppingRule.noImprovement(3, 0.0).shouldStop(v)).isTrue();
    assertThat(StoppingRule.noImprovement(4, 0.0).shouldStop(v)).isFalse();
  }
}
