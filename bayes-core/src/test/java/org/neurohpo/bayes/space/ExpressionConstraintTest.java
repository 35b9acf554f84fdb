package org.neurohpo.bayes.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionConstraintTest {
  private static final String ENCODING =
      """
      {"parameters": [
        {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]},
        {"name": "bins", "type": "int", "low": 2, "high": 8, "when": {"encoder": ["bins"]}},
        {"name": "maxSpikes", "type": "ordinal", "values": [1, 2, 4, 8],
         "when": {"encoder": ["rate"]}},
        {"name": "interval", "type": "int", "low": 1, "high": 4, "when": {"encoder": ["rate"]}},
        {"name": "simTime", "type": "ordinal", "values": [10, 20, 40]}
      ],
      "constraints": ["maxSpikes * interval < simTime", {"expr": "encoder != 'bins' || bins <= 6"}]}
      """;

  @Test
  void restrictsTheGridToValidCombinations() {
    SearchSpace s = SpaceJson.parse(ENCODING);
    List<Map<String, Object>> all = s.enumerate();
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
    long bins = 5 * 3; // bins 2..6 (the second constraint) x 3 simTimes
    assertThat(all).hasSize((int) (rate + bins));
    assertThat(all).allMatch(s::isValid);
  }

  @Test
  void inactiveParametersConstrainNothing() {
    ExpressionConstraint c =
        new ExpressionConstraint(
            "maxSpikes * interval < simTime", java.util.Set.of("maxSpikes", "interval", "simTime"));
    assertThat(c.test(Map.of("simTime", 10.0))).isTrue();
    assertThat(c.test(Map.of("simTime", 10.0, "maxSpikes", 8.0, "interval", 2L))).isFalse();
  }

  @Test
  void namesUnknownParametersAndSyntaxErrors() {
    assertThatThrownBy(() -> new ExpressionConstraint("bins < nope", java.util.Set.of("bins")))
        .hasMessageContaining("unknown parameter 'nope'");
    assertThatThrownBy(() -> new ExpressionConstraint("(bins < 3", java.util.Set.of("bins")))
        .hasMessageContaining("missing ')'");
  }
}
