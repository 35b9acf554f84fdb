package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The reports' statistics against reference p-values from scipy, each cross-checked by the
 * reference script against a computation of its own (scripts/stats-reference).
 */
public class StatsTest {
  public static final JsonNode REFERENCE = load();

  static JsonNode load() {
    try (InputStream in = StatsTest.class.getResourceAsStream("/stats-reference.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double[] values(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .mapToDouble(JsonNode::doubleValue)
        .toArray();
  }

  @Test
  void welchPMatchesTheReference() {
    assertThat(REFERENCE.get("welch").size()).isGreaterThanOrEqualTo(7);
    for (JsonNode c : REFERENCE.get("welch")) {
      double p = c.get("p").doubleValue();
      assertThat(Stats.welchP(values(c.get("a")), values(c.get("b"))))
          .as(c.get("name").asText())
          .isCloseTo(p, within(1e-9 * p + 1e-15));
    }
  }

  @Test
  void welchPIsSymmetricAndHandlesSamplesWithoutSpread() {
    double[] a = {1, 2, 3};
    double[] b = {2, 4, 7, 9};
    assertThat(Stats.welchP(a, b)).isEqualTo(Stats.welchP(b, a));
    assertThat(Stats.welchP(new double[] {1, 1}, new double[] {1, 1, 1})).isEqualTo(1);
    assertThat(Stats.welchP(new double[] {1, 1}, new double[] {2, 2})).isEqualTo(0);
    assertThatThrownBy(() -> Stats.welchP(new double[] {1}, b))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mannWhitneyPIsExactForSmallSamplesWithoutTies() {
    assertThat(REFERENCE.get("mannWhitneyExact").size()).isGreaterThanOrEqualTo(9);
    for (JsonNode c : REFERENCE.get("mannWhitneyExact")) {
      double p = c.get("p").doubleValue();
      double[] a = values(c.get("a"));
      double[] b = values(c.get("b"));
      assertThat(Stats.mannWhitneyP(a, b)).as(c.get("name").asText()).isCloseTo(p, within(1e-12));
      assertThat(Stats.mannWhitneyP(b, a)).isCloseTo(p, within(1e-12));
    }
  }

  @Test
  void experimentFivesHypervolumesGiveTheExactP() {
    // the report printed 0.364 (commons-math's normal approximation without continuity correction)
    JsonNode c =
        REFERENCE.get("mannWhitneyExact").get(REFERENCE.get("mannWhitneyExact").size() - 1);
    assertThat(c.get("name").asText()).startsWith("experiment 5");
    assertThat(Stats.mannWhitneyP(values(c.get("a")), values(c.get("b"))))
        .isCloseTo(0.393, within(0.0005));
  }

  @Test
  void mannWhitneyPFallsBackToTheNormalApproximationWithTiesOrManyValues() {
    for (JsonNode c : REFERENCE.get("mannWhitneyAsymptotic")) {
      double p = c.get("p").doubleValue();
      assertThat(Stats.mannWhitneyP(values(c.get("a")), values(c.get("b"))))
          .as(c.get("name").asText())
          .isCloseTo(p, within(1e-9));
    }
  }

  @Test
  void exactDistributionOfUSumsToOneAndIsSymmetric() {
    // 4 vs 3 values: C(7, 3) = 35 splits; U = 0 in exactly one of them
    assertThat(Stats.exactUpperTail(4, 3, 0)).isEqualTo(1.0);
    assertThat(Stats.exactUpperTail(4, 3, 12)).isCloseTo(1.0 / 35, within(1e-15));
    for (int u = 0; u <= 12; u++) {
      assertThat(Stats.exactUpperTail(4, 3, u))
          .isCloseTo(1 - Stats.exactUpperTail(4, 3, 12 - u + 1), within(1e-15));
    }
  }
}
