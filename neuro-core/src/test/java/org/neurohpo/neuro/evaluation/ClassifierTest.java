package org.neurohpo.neuro.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.data.MinMaxScaler;
import org.neurohpo.neuro.data.Split;
import org.neurohpo.neuro.encoding.Decoder;
import org.neurohpo.neuro.encoding.EncodedData;
import org.neurohpo.neuro.encoding.Encoder;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;

class ClassifierTest {
  @Test
  void skippingDeadInputsNeverChangesTheAccuracy() {
    Split split = Split.stratified(Datasets.load("wine"), 0.3, 1);
    EncodedData data =
        EncodedData.encode(
            new Encoder.Rate(4, 2),
            MinMaxScaler.fit(split.train()).transform(split.train()),
            split.train().labels());
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      Network net = new Network(ProcParams.preset("RISP-7"));
      for (int i = 0; i < data.numInputs() + 3; i++) {
        net.addNeuron(i, 1 + rng.nextInt(7));
      }
      for (int i = 0; i < data.numInputs(); i++) {
        net.addInput(i);
      }
      for (int o = 0; o < 3; o++) {
        net.addOutput(data.numInputs() + o);
      }
      for (int e = 0; e < 12; e++) {
        long from = rng.nextInt(data.numInputs() + 3);
        long to = rng.nextInt(data.numInputs() + 3);
        if (!net.hasSynapse(from, to)) {
          net.addSynapse(from, to, -7 + rng.nextInt(15), 1 + rng.nextInt(15));
        }
      }
      Decoder d = new Decoder.WinnerTakeAll();
      double all = new Classifier(data, d, 30, 3, false).accuracy(net);
      double live = new Classifier(data, d, 30, 3, true).accuracy(net);
      assertThat(live).isEqualTo(all);
    }
  }
}
