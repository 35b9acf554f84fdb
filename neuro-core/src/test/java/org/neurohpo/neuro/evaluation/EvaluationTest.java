package org.neurohpo.neuro.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.data.Partition;
import org.neurohpo.neuro.eons.GenerationListener;
import org.neurohpo.neuro.hp.HyperParameterSet;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.NetworkJson;

class EvaluationTest {
  private static final org.assertj.core.data.Offset<Double> OFF =
      org.assertj.core.data.Offset.offset(1e-9);
  private static final HyperParameterSet SMALL =
      HyperParameterSet.fromStrings(Map.of("populationSize", "30", "generations", "20"));

  @Test
  void smallBudgetOnIrisClearlyBeatsChance() throws InterruptedException {
    RunResult r =
        Evaluation.prepare(Datasets.load("iris"), SMALL).run(1, 2, GenerationListener.NONE);
    assertThat(r.trainAccuracy()).isGreaterThan(0.6);
    assertThat(r.validationAccuracy()).isGreaterThan(0.6); // chance is 1/3
    assertThat(r.testAccuracy()).isGreaterThan(0.6);
    assertThat(r.neurons()).isGreaterThanOrEqualTo(16 + 3); // 4 features x 4 bins + 3 outputs
    assertThat(r.spikesPerSample()).isPositive();
  }

  @Test
  void sameSeedSameResultWhateverTheThreads() throws InterruptedException {
    Evaluation e = Evaluation.prepare(Datasets.load("wine"), SMALL);
    RunResult a = e.run(3, 1, GenerationListener.NONE);
    RunResult b = e.run(3, 2, GenerationListener.NONE);
    assertThat(b.testAccuracy()).isEqualTo(a.testAccuracy());
    assertThat(b.validationAccuracy()).isEqualTo(a.validationAccuracy());
    assertThat(b.trainAccuracy()).isEqualTo(a.trainAccuracy());
    assertThat(NetworkJson.write(b.network())).isEqualTo(NetworkJson.write(a.network()));
  }

  @Test
  void validationAndTestAreScoredOnTheirOwnHeldOutSamples() throws InterruptedException {
    // wine (59, 71, 48 per class): test 18+21+14 = 53, validation 10+13+9 = 32 of the rest,
    // train 93; each accuracy is a whole number of correct samples over its own part's size
    Partition p =
        Partition.stratified(
            Datasets.load("wine"), Evaluation.TEST_FRACTION, Evaluation.VALIDATION_FRACTION, 5);
    assertThat(new int[] {p.train().size(), p.validation().size(), p.test().size()})
        .containsExactly(93, 32, 53);
    RunResult r =
        Evaluation.prepare(Datasets.load("wine"), SMALL).run(5, 2, GenerationListener.NONE);
    assertThat(r.validationAccuracy() * 32).isCloseTo(Math.rint(r.validationAccuracy() * 32), OFF);
    assertThat(r.testAccuracy() * 53).isCloseTo(Math.rint(r.testAccuracy() * 53), OFF);
    assertThat(r.trainAccuracy() * 93).isCloseTo(Math.rint(r.trainAccuracy() * 93), OFF);
  }

  @Test
  void trainedNetworkCarriesItsEncoderDecoderAndEonsParameters() throws InterruptedException {
    RunResult r =
        Evaluation.prepare(Datasets.load("iris"), SMALL).run(2, 1, GenerationListener.NONE);
    Network back = NetworkJson.parse(NetworkJson.write(r.network()));
    assertThat(back.associatedData().get("encoder_array").get("encoder").asText())
        .isEqualTo("bins");
    assertThat(back.associatedData().get("eons_params").get("populationSize").asInt())
        .isEqualTo(30);
    assertThat(back.associatedData().get("decoder_array").get("decoder").asText()).isEqualTo("wta");
    assertThat(back.inputs()).hasSize(16);
    assertThat(back.outputs()).hasSize(3);
  }

  @Test
  void reportsProgressOncePerGeneration() throws InterruptedException {
    int[] calls = new int[1];
    RunResult r =
        Evaluation.prepare(Datasets.load("iris"), SMALL)
            .run(
                4,
                1,
                (g, n, best) -> {
                  assertThat(g).isEqualTo(++calls[0]);
                  assertThat(n).isEqualTo(20);
                });
    assertThat(calls[0]).isEqualTo(r.generations());
  }
}
