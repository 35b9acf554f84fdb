package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SearchSpaceJson;

class StrategyTest {
  private static final SearchSpace MIXED =
      SearchSpaceJson.parse(
          "[{\"name\":\"x\",\"type\":\"float\",\"low\":-2,\"high\":2},"
              + "{\"name\":\"k\",\"type\":\"int\",\"low\":0,\"high\":6},"
              + "{\"name\":\"c\",\"type\":\"cat\",\"choices\":[\"a\",\"b\"]}]");

  private static double bowl(Map<String, Object> p) {
    double x = (Double) p.get("x");
    int k = (Integer) p.get("k");
    return (x - 0.7) * (x - 0.7) + 0.1 * (k - 4) * (k - 4) + ("b".equals(p.get("c")) ? 0 : 0.5);
  }

  private static List<Map<String, Object>> run(
      Optimizer o, int evals, int batch, ToDoubleFunction<Map<String, Object>> f) {
    List<Map<String, Object>> asked = new ArrayList<>();
    while (asked.size() < evals) {
      List<Suggestion> s = o.ask(batch);
      List<Observation> obs = new ArrayList<>();
      for (Suggestion x : s) {
        asked.add(x.params());
        obs.add(new Observation(x.id(), x.params(), f.applyAsDouble(x.params())));
      }
      o.tell(obs);
    }
    return asked;
  }

  @Test
  void sameSeedSameSuggestions() {
    List<Map<String, Object>> a = run(new GpOptimizer(MIXED, 11), 14, 1, StrategyTest::bowl);
    List<Map<String, Object>> b = run(new GpOptimizer(MIXED, 11), 14, 1, StrategyTest::bowl);
    List<Map<String, Object>> c = run(new GpOptimizer(MIXED, 12), 14, 1, StrategyTest::bowl);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void gpFindsTheBowlsMinimumQuickly() {
    GpOptimizer gp = new GpOptimizer(MIXED, 3);
    run(gp, 25, 1, StrategyTest::bowl);
    Incumbent best = gp.best().orElseThrow();
    assertThat(bowl(best.params())).isLessThan(0.05);
    assertThat(best.params()).containsEntry("c", "b").containsEntry("k", 4);
  }

  @Test
  void gpBeatsRandomSearchOnAverage() {
    double gpSum = 0;
    double rsSum = 0;
    for (long seed = 0; seed < 3; seed++) {
      GpOptimizer gp = new GpOptimizer(MIXED, seed);
      RandomSearch rs = new RandomSearch(MIXED, seed, false);
      run(gp, 20, 1, StrategyTest::bowl);
      run(rs, 20, 1, StrategyTest::bowl);
      gpSum += gp.history().stream().mapToDouble(Observation::value).min().orElseThrow();
      rsSum += rs.history().stream().mapToDouble(Observation::value).min().orElseThrow();
    }
    assertThat(gpSum).isLessThan(rsSum);
  }

  @Test
  void batchSuggestionsAreDistinctValidAndNeverPending() {
    GpOptimizer gp = new GpOptimizer(MIXED, 5);
    run(gp, 12, 4, StrategyTest::bowl);
    List<Suggestion> first = gp.ask(4);
    List<Suggestion> second = gp.ask(4); // asked while the first four are still pending
    Set<Map<String, Object>> seen = new HashSet<>();
    for (Suggestion s : concat(first, second)) {
      assertThat(MIXED.validate(s.params())).isEqualTo(s.params());
      assertThat(seen.add(s.params())).as("distinct %s", s.params()).isTrue();
    }
    for (Observation o : gp.history()) {
      assertThat(seen).doesNotContain(o.params());
    }
  }

  @Test
  void acceptsObservationsItDidNotPropose() {
    GpOptimizer gp = new GpOptimizer(MIXED, 1);
    gp.tell(List.of(new Observation(null, Map.of("x", 0.7, "k", 4, "c", "b"), 0.0)));
    gp.tell(List.of(new Observation(null, Map.of("x", -2.0, "k", 0, "c", "a"), 8.0)));
    assertThat(gp.best().orElseThrow().params()).containsEntry("x", 0.7);
    assertThat(gp.ask(3)).hasSize(3);
  }

  @Test
  void gridVisitsEveryCellOnceInASeededOrder() {
    SearchSpace finite =
        SearchSpaceJson.parse(
            "[{\"name\":\"k\",\"type\":\"int\",\"low\":0,\"high\":4},"
                + "{\"name\":\"c\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]}]");
    GridSearch grid = new GridSearch(finite, 7, 5, 1000);
    List<Map<String, Object>> all = run(grid, 15, 4, p -> 0);
    assertThat(new HashSet<>(all)).hasSize(15);
    assertThat(grid.ask(1)).isEmpty();
    assertThat(run(new GridSearch(finite, 7, 5, 1000), 15, 4, p -> 0)).isEqualTo(all);
  }

  @Test
  void haltonRandomSearchNeverRepeats() {
    RandomSearch rs = new RandomSearch(MIXED, 2, true);
    List<Map<String, Object>> all = run(rs, 50, 5, StrategyTest::bowl);
    assertThat(new HashSet<>(all)).hasSize(50);
  }

  @Test
  void exhaustiveOnAFiniteSpaceFindsTheBestCell() {
    SearchSpace finite =
        SearchSpaceJson.parse(
            "[{\"name\":\"a\",\"type\":\"int\",\"low\":0,\"high\":14},"
                + "{\"name\":\"b\",\"type\":\"ordinal\",\"values\":[1,2,4,8,16,32]}]");
    GpOptimizer gp = new GpOptimizer(finite, 4);
    List<Map<String, Object>> asked =
        run(
            gp,
            20,
            1,
            p -> Math.abs((Integer) p.get("a") - 9) + Math.abs(Math.log((Double) p.get("b") / 8)));
    assertThat(asked).contains(Map.of("a", 9, "b", 8.0));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
