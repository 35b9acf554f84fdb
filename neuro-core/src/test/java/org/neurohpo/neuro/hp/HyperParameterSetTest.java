package org.neurohpo.neuro.hp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.neuro.encoding.Encoder;
import org.neurohpo.risp.LeakMode;

class HyperParameterSetTest {

  @Test
  void defaultsCoverEveryHpOfTheCatalogue() {
    HyperParameterSet d = HyperParameterSet.defaults();
    assertThat(d.asMap().keySet())
        .containsExactlyElementsOf(
            HyperParameterCatalog.all().stream().map(ParameterSpec::name).toList());
    assertThat(d.getInt("populationSize")).isEqualTo(100);
    assertThat(d.getDouble("tournamentBestNetFactor")).isEqualTo(0.9);
  }

  @Test
  void everyCategoryHasHps() {
    for (Category c : Category.values()) {
      assertThat(HyperParameterCatalog.all()).anyMatch(p -> p.category() == c);
    }
  }

  @Test
  void parsesTypedValuesFromText() {
    HyperParameterSet h =
        HyperParameterSet.fromStrings(
            Map.of(
                "encoder",
                "rate",
                "maxSpikes",
                "6",
                "leakMode",
                "all",
                "thresholdInclusive",
                "false",
                "crossoverRate",
                "0.3"));
    assertThat(h.encoder()).isEqualTo(new Encoder.Rate(6, 2));
    assertThat(h.procParams().leakMode()).isEqualTo(LeakMode.ALL);
    assertThat(h.procParams().thresholdInclusive()).isFalse();
    assertThat(h.asMap().get("crossoverRate")).isEqualTo(0.3);
  }

  @Test
  void booleanHpAcceptsTheTextOfACategoricalStudyParameter() {
    // a study's search space has no boolean type: thresholdInclusive comes as "true"/"false"
    HyperParameterSet h = HyperParameterSet.of(Map.of("thresholdInclusive", "false"));
    assertThat(h.procParams().thresholdInclusive()).isFalse();
    assertThat(h.asMap().get("thresholdInclusive")).isEqualTo(false);
    assertThatThrownBy(() -> HyperParameterSet.of(Map.of("thresholdInclusive", "maybe")))
        .hasMessageContaining("thresholdInclusive");
  }

  @Test
  void rejectsUnknownHpSuggestingTheClosest() {
    assertThatThrownBy(() -> HyperParameterSet.fromStrings(Map.of("populationSise", "5")))
        .isInstanceOf(HyperParameterException.class)
        .hasMessageStartingWith("unknown HP 'populationSise' (did you mean populationSize?");
  }

  @Test
  void rejectsValueOutsideRangeNamingIt() {
    assertThatThrownBy(() -> HyperParameterSet.fromStrings(Map.of("bins", "40")))
        .hasMessage("HP bins must be int in [2, 16], got 40");
    assertThatThrownBy(() -> HyperParameterSet.fromStrings(Map.of("mutationRate", "abc")))
        .hasMessage("HP mutationRate must be float in [0.0, 1.0], got 'abc'");
    assertThatThrownBy(() -> HyperParameterSet.fromStrings(Map.of("preset", "RISP-9")))
        .hasMessageStartingWith("HP preset must be one of {RISP-F, RISP-F+,");
  }

  @Test
  void rejectsSimTimeShorterThanTheEncoding() {
    assertThatThrownBy(
            () ->
                HyperParameterSet.fromStrings(
                    Map.of("encoder", "rate", "maxSpikes", "8", "interval", "4", "simTime", "20")))
        .hasMessage("HP simTime (20) must exceed the last spike time of encoder rate (28)");
  }

  @Test
  void rejectsMoreElitesThanNetworks() {
    assertThatThrownBy(
            () -> HyperParameterSet.fromStrings(Map.of("populationSize", "5", "numBest", "6")))
        .hasMessage("HP numBest (6) must not exceed populationSize (5)");
  }

  @Test
  void hardwareHpsOverrideThePreset() {
    HyperParameterSet h =
        HyperParameterSet.fromStrings(Map.of("preset", "RISP-127", "maxDelay", "9"));
    assertThat(h.procParams().maxWeight()).isEqualTo(127);
    assertThat(h.procParams().maxDelay()).isEqualTo(9);
  }
}
