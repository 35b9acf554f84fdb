package org.neurohpo.bayes.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  private static final String ENCODING =
      """
      {"parameters": [
        {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
        {"name": "bins", "type": "int", "low": 2, "high": 8,
         "condition": {"parent": "encoder", "values": ["bins"]}},
        {"name": "maxSpikes", "type": "ordinal", "values": [1, 2, 4, 8],
         "condition": {"parent": "encoder", "values": ["rate"]}},
        {"name": "interval", "type": "int", "low": 1, "high": 4,
         "condition": {"parent": "encoder", "values": ["rate"]}},
        {"name": "simTime", "type": "ordinal", "values": [10, 20, 40]}
      ],
      "constraints": ["maxSpikes * interval < simTime"]}
      """;

  @Test
  void readsTheBenchHarnessForm() {
    SearchSpace s =
        SearchSpaceJson.parse(
            "[{\"name\":\"x1\",\"type\":\"float\",\"low\":-5,\"high\":10},"
                + "{\"name\":\"x2\",\"type\":\"int\",\"low\":0,\"high\":15},"
                + "{\"name\":\"v\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]},"
                + "{\"name\":\"o\",\"type\":\"ordinal\",\"values\":[1,2,8]}]");
    assertThat(s.dims()).isEqualTo(1 + 1 + 3 + 1);
    assertThat(s.finite()).isFalse();
  }

  @Test
  void encodingRoundTripsEveryKind() {
    SearchSpace s = SearchSpaceJson.parse(ENCODING);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      Map<String, Object> p = s.sample(rng);
      assertThat(s.decode(s.encode(p))).isEqualTo(p);
      assertThat(s.validate(p)).isEqualTo(p);
    }
  }

  @Test
  void conditionalParametersAreActiveOnlyUnderTheirParent() {
    SearchSpace s = SearchSpaceJson.parse(ENCODING);
    Map<String, Object> bins = new LinkedHashMap<>();
    bins.put("encoder", "bins");
    bins.put("bins", 4);
    bins.put("simTime", 20);
    assertThat(s.validate(bins)).containsEntry("simTime", 20.0);
    Map<String, Object> both = new LinkedHashMap<>(bins);
    both.put("interval", 2);
    assertThatThrownBy(() -> s.validate(both))
        .isInstanceOf(SearchSpaceException.class)
        .hasMessageStartingWith("parameter 'interval' is inactive here");
    bins.remove("bins");
    assertThatThrownBy(() -> s.validate(bins)).hasMessage("parameter 'bins' is missing");
  }

  @Test
  void constraintsRestrictTheGrid() {
    SearchSpace s = SearchSpaceJson.parse(ENCODING);
    List<Map<String, Object>> all = s.enumerate(10_000);
    // bins: 7 x 3 = 21; rate: (maxSpikes, interval) with product < simTime per simTime
    long rate = 0;
    for (double sim : new double[] {10, 20, 40}) {
      for (double m : new double[] {1, 2, 4, 8}) {
        for (int iv = 1; iv <= 4; iv++) {
          if (m * iv < sim) {
            rate++;
          }
        }
      }
    }
    assertThat(all).hasSize((int) (21 + rate));
    assertThat(all).allMatch(s::feasible);
  }

  @Test
  void reportsBadSpacesByName() {
    assertThatThrownBy(
            () ->
                SearchSpaceJson.parse("[{\"name\":\"x\",\"type\":\"float\",\"low\":2,\"high\":1}]"))
        .hasMessage("parameter 'x': low (2.0) must be below high (1.0)");
    assertThatThrownBy(() -> SearchSpaceJson.parse("[{\"name\":\"x\",\"type\":\"complex\"}]"))
        .hasMessage("parameter 'x': type must be float, int, cat or ordinal, got 'complex'");
    assertThatThrownBy(
            () ->
                SearchSpaceJson.parse(
                    "{\"parameters\":[{\"name\":\"x\",\"type\":\"int\",\"low\":0,\"high\":3}],"
                        + "\"constraints\":[\"x < y\"]}"))
        .hasMessageContaining("unknown parameter 'y'");
    assertThatThrownBy(
            () ->
                SearchSpaceJson.parse(
                    "[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1,\"log\":true}]"))
        .hasMessage("parameter 'x': a log scale needs low > 0, got 0.0");
    assertThatThrownBy(() -> SearchSpaceJson.parse("[]"))
        .hasMessage("search space needs a non-empty list of parameters");
  }

  @Test
  void rejectsValuesOutsideTheSpace() {
    SearchSpace s =
        SearchSpaceJson.parse("[{\"name\":\"n\",\"type\":\"int\",\"low\":1,\"high\":5}]");
    assertThatThrownBy(() -> s.validate(Map.of("n", 9)))
        .hasMessage("parameter 'n' must be an integer in [1, 5], got 9");
    assertThatThrownBy(() -> s.validate(Map.of("m", 1))).hasMessage("unknown parameter 'm'");
  }

  @Test
  void logFloatsSampleLogUniformly() {
    Parameter.FloatParameter p = new Parameter.FloatParameter("lr", 1e-4, 1, true);
    SplittableRandom rng = new SplittableRandom(5);
    int below = 0;
    for (int i = 0; i < 4000; i++) {
      if ((Double) p.sample(rng) < 1e-2) {
        below++;
      }
    }
    assertThat(below / 4000.0).isBetween(0.45, 0.55); // half the decades lie below 1e-2
  }
}
