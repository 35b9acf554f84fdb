package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

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
}
