package org.neurohpo.bayes.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  private static final String ENCODING =
      """
      {"parameters": [
        {"name": "encoder", "type": "cat", "choices": ["bins", "rate", "temporal"]},
        {"name": "bins", "type": "ordinal", "values": [2, 4, 8, 16], "when": {"encoder": ["bins"]}},
        {"name": "window", "type": "int", "low": 1, "high": 10},
        {"name": "lr", "type": "float", "low": 1e-4, "high": 1e-1, "log": true, "when": {"encoder": ["rate", "temporal"]}}
       ],
       "constraints": [{"if": {"encoder": ["temporal"]}, "then": {"window": [4, 5, 6, 7, 8]}}]}
      """;

  @Test
  void acceptsTheBenchHarnessArrayFormat() {
    SearchSpace s =
        SpaceJson.parse(
            "[{\"name\":\"x1\",\"type\":\"float\",\"low\":-5,\"high\":10},"
                + "{\"name\":\"x2\",\"type\":\"int\",\"low\":0,\"high\":15},"
                + "{\"name\":\"v\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]},"
                + "{\"name\":\"o\",\"type\":\"ordinal\",\"values\":[1,2,4.5]}]");
    assertThat(s.parameters()).hasSize(4);
    assertThat(s.dim()).isEqualTo(6);
    Map<String, Object> c = s.sample(new SplittableRandom(1));
    assertThat(c.get("x1")).isInstanceOf(Double.class);
    assertThat(c.get("x2")).isInstanceOf(Long.class);
    assertThat(c.get("v")).isInstanceOf(String.class);
    assertThat(c.get("o")).isInstanceOf(Double.class);
    assertThat(s.isValid(c)).isTrue();
  }

  @Test
  void rejectsInvertedBoundsNamingTheParameter() {
    assertThatThrownBy(
            () -> SpaceJson.parse("[{\"name\":\"lr\",\"type\":\"float\",\"low\":1,\"high\":0}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lr'")
        .hasMessageContaining("low < high");
  }

  @Test
  void rejectsUnknownTypeAndLogWithNonPositiveLow() {
    assertThatThrownBy(() -> SpaceJson.parse("[{\"name\":\"k\",\"type\":\"complex\"}]"))
        .hasMessageContaining("'k'")
        .hasMessageContaining("unknown type");
    assertThatThrownBy(
            () ->
                SpaceJson.parse(
                    "[{\"name\":\"lr\",\"type\":\"float\",\"low\":0,\"high\":1,\"log\":true}]"))
        .hasMessageContaining("'lr'")
        .hasMessageContaining("low > 0");
  }

  @Test
  void rejectsConditionOnUndefinedParentNamingBoth() {
    assertThatThrownBy(
            () ->
                SpaceJson.parse(
                    "[{\"name\":\"bins\",\"type\":\"int\",\"low\":1,\"high\":3,"
                        + "\"when\":{\"encoder\":[\"bins\"]}}]"))
        .hasMessageContaining("'bins'")
        .hasMessageContaining("'encoder'");
  }

  @Test
  void conditionalParameterIsActiveOnlyForItsParentValue() {
    SearchSpace s = SpaceJson.parse(ENCODING);
    Map<String, Object> bins = s.canonical(Map.of("encoder", "bins", "bins", 4, "window", 3));
    assertThat(bins).containsOnlyKeys("encoder", "bins", "window");
    assertThat(s.isValid(bins)).isTrue();
    Map<String, Object> rate =
        s.canonical(Map.of("encoder", "rate", "bins", 4, "window", 3, "lr", 0.01));
    assertThat(rate).containsOnlyKeys("encoder", "window", "lr");
    assertThatThrownBy(() -> s.canonical(Map.of("encoder", "rate", "window", 3)))
        .hasMessageContaining("'lr' is active but missing");
  }

  @Test
  void constraintRestrictsValidCombinations() {
    SearchSpace s = SpaceJson.parse(ENCODING);
    Map<String, Object> bad = s.canonical(Map.of("encoder", "temporal", "window", 2, "lr", 0.01));
    assertThat(s.isValid(bad)).isFalse();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      assertThat(s.isValid(s.sample(rng))).isTrue();
    }
  }

  @Test
  void enumeratesOnlyValidConfigurationsOfAFiniteSpace() {
    SearchSpace s =
        SpaceJson.parse(
            """
            {"parameters": [
              {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
              {"name": "bins", "type": "ordinal", "values": [2, 4, 8], "when": {"encoder": ["bins"]}},
              {"name": "window", "type": "int", "low": 1, "high": 4}],
             "constraints": [{"if": {"bins": [8]}, "then": {"window": [1, 2]}}]}
            """);
    // bins: 3 x 4 windows minus (bins=8, window 3|4) = 10; rate: 4 windows
    assertThat(s.enumerate()).hasSize(14).allMatch(s::isValid);
    assertThat(s.enumerate().stream().map(s::key).distinct()).hasSize(14);
  }

  @Test
  void singleValuedParametersPinOneSet() {
    // what the dashboard's "rerun the best set" spec uses: every HP a one-value choice
    SearchSpace s =
        SpaceJson.parse(
            """
            {"parameters": [
              {"name": "encoder", "type": "cat", "choices": ["bins"]},
              {"name": "bins", "type": "ordinal", "values": [3]}]}
            """);
    assertThat(s.enumerate()).containsExactly(Map.of("encoder", "bins", "bins", 3.0));
    assertThat(s.sample(new SplittableRandom(1))).isEqualTo(Map.of("encoder", "bins", "bins", 3.0));
    double[] u = s.encode(Map.of("encoder", "bins", "bins", 3.0));
    assertThat(u).containsExactly(1.0, 0.0);
    assertThat(s.decode(new double[] {0.3, 0.9})).isEqualTo(Map.of("encoder", "bins", "bins", 3.0));
    assertThatThrownBy(
            () -> SpaceJson.parse("[{\"name\":\"bins\",\"type\":\"ordinal\",\"values\":[]}]"))
        .hasMessageContaining("'bins'");
  }

  @Test
  void encodingRoundTripsThroughTheUnitCube() {
    SearchSpace s = SpaceJson.parse(ENCODING);
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      Map<String, Object> c = s.sample(rng);
      double[] u = s.encode(c);
      assertThat(java.util.Arrays.stream(u).allMatch(v -> v >= 0 && v <= 1)).isTrue();
      Map<String, Object> back = s.decode(u);
      assertThat(back.keySet()).isEqualTo(c.keySet());
      for (String k : c.keySet()) {
        if (c.get(k) instanceof Double d) {
          assertThat((Double) back.get(k))
              .isCloseTo(d, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(d)));
        } else {
          assertThat(back.get(k)).isEqualTo(c.get(k));
        }
      }
    }
  }
}
