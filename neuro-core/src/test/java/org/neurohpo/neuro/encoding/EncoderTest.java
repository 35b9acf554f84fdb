package org.neurohpo.neuro.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed spike trains for every encoder: (input, time, value). */
class EncoderTest {

  private static List<String> spikes(Encoder e, double... x) {
    SpikeBuffer b = new SpikeBuffer();
    e.encode(x, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      out.add(b.input(i) + "@" + b.time(i) + "=" + b.value(i));
    }
    return out;
  }

  @Test
  void binsPutsOneSpikeIntoTheBinOfTheValue() {
    Encoder e = new Encoder.Bins(4);
    assertThat(spikes(e, 0.6, 1.0, 0.0)).containsExactly("2@0=1.0", "7@0=1.0", "8@0=1.0");
    assertThat(e.numInputs(3)).isEqualTo(12);
  }

  @Test
  void rateSendsSpikesProportionalToTheValue() {
    Encoder e = new Encoder.Rate(4, 2);
    assertThat(spikes(e, 0.6, 0.0, 1.0))
        .containsExactly("0@0=1.0", "0@2=1.0", "2@0=1.0", "2@2=1.0", "2@4=1.0", "2@6=1.0");
    assertThat(e.lastSpikeTime()).isEqualTo(6);
  }

  @Test
  void temporalSpikesEarlierForLargerValues() {
    Encoder e = new Encoder.Temporal(10);
    assertThat(spikes(e, 0.6, 1.0, 0.0)).containsExactly("0@4=1.0", "1@0=1.0", "2@9=1.0");
  }

  @Test
  void triangleGivesGradedMembershipToNeighbouringFields() {
    Encoder e = new Encoder.Triangle(3);
    assertThat(spikes(e, 0.25)).containsExactly("0@0=0.5", "1@0=0.5");
    assertThat(spikes(e, 1.0)).containsExactly("2@0=1.0");
  }

  @Test
  void flipflopRateCodesLowAndHigh() {
    Encoder e = new Encoder.FlipFlop(4, 1);
    assertThat(spikes(e, 0.75)).containsExactly("0@0=1.0", "1@0=1.0", "1@1=1.0", "1@2=1.0");
    assertThat(e.inputsPerFeature()).isEqualTo(2);
  }

  @Test
  void chargeSendsTheValueItself() {
    assertThat(spikes(new Encoder.Charge(), 0.3, 0.0)).containsExactly("0@0=0.3", "1@0=0.0");
  }

  @Test
  void rejectsTooFewBins() {
    assertThatThrownBy(() -> new Encoder.Bins(1))
        .hasMessage("bins must be an integer in [2, 64], got 1");
  }

  @Test
  void encodedDataKeepsEachSamplesSpikesContiguous() {
    EncodedData d =
        EncodedData.encode(
            new Encoder.Rate(2, 1), new double[][] {{1.0}, {0.0}, {0.5}}, new int[] {1, 0, 1});
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.count(0)).isEqualTo(2);
    assertThat(d.count(1)).isZero();
    assertThat(d.offset(2)).isEqualTo(2);
    assertThat(d.count(2)).isEqualTo(1);
    assertThat(d.label(2)).isEqualTo(1);
    assertThat(d.numInputs()).isEqualTo(1);
  }

  @Test
  void winnerTakeAllBreaksTiesTowardTheLowestClass() {
    Decoder wta = new Decoder.WinnerTakeAll();
    assertThat(wta.decode(new int[] {1, 3, 3}, null)).isEqualTo(1);
    assertThat(wta.decode(new int[] {0, 0, 0}, null)).isZero();
  }

  @Test
  void firstToSpikePicksTheEarliestAndDefaultsToTheLowestClass() {
    Decoder first = new Decoder.FirstToSpike();
    assertThat(first.decode(new int[3], new int[] {5, 2, 2})).isEqualTo(1);
    assertThat(first.decode(new int[3], new int[] {-1, -1, 4})).isEqualTo(2);
    assertThat(first.decode(new int[3], new int[] {-1, -1, -1})).isZero();
  }
}
