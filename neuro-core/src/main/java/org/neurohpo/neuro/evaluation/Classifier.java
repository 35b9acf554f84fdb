package org.neurohpo.neuro.evaluation;

import org.neurohpo.neuro.encoding.Decoder;
import org.neurohpo.neuro.encoding.EncodedData;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.Processor;

/**
 * Runs a network over encoded samples and counts correct decodes: the EONS fitness (training
 * accuracy) and the test score. Reuses its buffers; one instance per thread.
 */
final class Classifier {
  private final EncodedData data;
  private final Decoder decoder;
  private final int simTime;
  private final int[] counts;
  private final int[] firsts;
  private long lastFires;
  private long lastSynapseEvents;

  Classifier(EncodedData data, Decoder decoder, int simTime, int numClasses) {
    this.data = data;
    this.decoder = decoder;
    this.simTime = simTime;
    this.counts = new int[numClasses];
    this.firsts = new int[numClasses];
  }

  /** The share of samples whose decoded class is their label. */
  double accuracy(Network network) {
    Processor p = new Processor(network);
    int[] in = data.inputs();
    int[] time = data.times();
    double[] value = data.values();
    boolean needFirsts = decoder.needsFirstTimes();
    int correct = 0;
    long fires = 0;
    long events = 0;
    for (int i = 0, n = data.size(); i < n; i++) {
      p.clearActivity();
      p.applySpikes(in, time, value, data.offset(i), data.count(i));
      p.run(simTime);
      p.outputCounts(counts);
      if (needFirsts) {
        p.firstOutputTimes(firsts);
      }
      if (decoder.decode(counts, firsts) == data.label(i)) {
        correct++;
      }
      fires += p.neuronFires();
      events += p.synapseEvents();
    }
    lastFires = fires;
    lastSynapseEvents = events;
    return data.size() == 0 ? 0 : (double) correct / data.size();
  }

  /** Neuron fires over all samples of the last {@link #accuracy} call. */
  long lastFires() {
    return lastFires;
  }

  /** Synapse events over all samples of the last {@link #accuracy} call. */
  long lastSynapseEvents() {
    return lastSynapseEvents;
  }
}
