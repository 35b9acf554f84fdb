package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.experiments.StatsTest;

class SensitivityTest {

  private static final SearchSpace SPACE =
      SpaceJson.parse(
          """
          [{"name": "a", "type": "float", "low": 0, "high": 1},
           {"name": "b", "type": "float", "low": 0, "high": 1},
           {"name": "c", "type": "float", "low": 0, "high": 1}]
          """);

  @Test
  void recoversTheVarianceSharesOfAnAdditiveFunction() {
    // f = 4a + 2b: Var = 16/12 + 4/12, so a explains 0.8, b 0.2, c nothing
    SplittableRandom rng = new SplittableRandom(1);
    List<Map<String, Object>> xs = new ArrayList<>();
    double[] ys = new double[80];
    for (int i = 0; i < ys.length; i++) {
      Map<String, Object> p = SPACE.sample(rng);
      xs.add(p);
      ys[i] = 4 * (Double) p.get("a") + 2 * (Double) p.get("b");
    }
    GaussianProcess gp = Sensitivity.fit(SPACE, xs, ys, 3);
    Sensitivity.Result r =
        Sensitivity.analyse(SPACE, gp, Map.of("a", "first", "b", "first", "c", "second"), 4000, 7);
    assertThat(r.parameters()).extracting(Sensitivity.Index::name).containsExactly("a", "b", "c");
    assertThat(r.parameters().get(0).firstOrder()).isCloseTo(0.8, within(0.06));
    assertThat(r.parameters().get(1).firstOrder()).isCloseTo(0.2, within(0.06));
    assertThat(r.parameters().get(2).total()).isCloseTo(0.0, within(0.02));
    assertThat(r.groups().get(0).name()).isEqualTo("first");
    assertThat(r.groups().get(0).firstOrder()).isCloseTo(1.0, within(0.06));
    assertThat(r.groups().get(1).total()).isCloseTo(0.0, within(0.02));
    assertThat(r.variance()).isCloseTo(20.0 / 12, within(0.15));
  }

  @Test
  void recoversTheAnalyticIndicesOfTheIshigamiFunctionWithItsInteraction() {
    // f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 on [-pi, pi]^3: x3 acts only through its
    // interaction with x1 (first order 0, total 0.24); reference values from the analytic partial
    // variances in scripts/stats-reference
    JsonNode ref = StatsTest.REFERENCE.get("ishigami");
    double a = ref.get("a").doubleValue();
    double b = ref.get("b").doubleValue();
    SearchSpace space =
        SpaceJson.parse(
            """
            [{"name": "x1", "type": "float", "low": -3.141592653589793, "high": 3.141592653589793},
             {"name": "x2", "type": "float", "low": -3.141592653589793, "high": 3.141592653589793},
             {"name": "x3", "type": "float", "low": -3.141592653589793, "high": 3.141592653589793}]
            """);
    Sensitivity.Result r =
        Sensitivity.analyse(
            space,
            c -> {
              double x1 = ((Number) c.get("x1")).doubleValue();
              double x2 = ((Number) c.get("x2")).doubleValue();
              double x3 = ((Number) c.get("x3")).doubleValue();
              return Math.sin(x1)
                  + a * Math.pow(Math.sin(x2), 2)
                  + b * Math.pow(x3, 4) * Math.sin(x1);
            },
            Map.of("x1", "x1 and x3", "x3", "x1 and x3"),
            100_000,
            11);
    for (int i = 0; i < 3; i++) {
      Sensitivity.Index index = r.parameters().get(i);
      assertThat(index.firstOrder())
          .as("first order of x%d", i + 1)
          .isCloseTo(ref.get("firstOrder").get(i).doubleValue(), within(0.02));
      assertThat(index.total())
          .as("total of x%d", i + 1)
          .isCloseTo(ref.get("total").get(i).doubleValue(), within(0.02));
    }
    // x3's interaction: total well above first order
    assertThat(r.parameters().get(2).total() - r.parameters().get(2).firstOrder())
        .isGreaterThan(0.2);
    Sensitivity.Index group = r.groups().get(0);
    assertThat(group.firstOrder())
        .isCloseTo(ref.get("group13").get("firstOrder").doubleValue(), within(0.02));
    assertThat(group.total())
        .isCloseTo(ref.get("group13").get("total").doubleValue(), within(0.02));
    assertThat(r.variance()).isCloseTo(ref.get("variance").doubleValue(), within(0.2));
  }
}
