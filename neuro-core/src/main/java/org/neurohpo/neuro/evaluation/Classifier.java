package org.neurohpo.neuro.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neurohpo.neuro.encoding.Decoder;
import org.neurohpo.neuro.encoding.EncodedData;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.Processor;
import org.neurohpo.risp.Synapse;

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
  private final boolean skipDeadInputs;
  private int[] liveIn = new int[0];
  private int[] liveTime = new int[0];
  private double[] liveValue = new double[0];
  private final int[] liveOffsets;
  private long lastFires;
  private long lastSynapseEvents;

  /**
   * @param skipDeadInputs leave out spikes into inputs that have no synapse and are no output: they
   *     cannot change any output, so accuracy is the same and training is faster, but the fire
   *     counts then miss those inputs' fires (so the test score keeps them)
   */
  Classifier(
      EncodedData data, Decoder decoder, int simTime, int numClasses, boolean skipDeadInputs) {
    this.data = data;
    this.skipDeadInputs = skipDeadInputs;
    this.liveOffsets = new int[data.size() + 1];
    this.decoder = decoder;
    this.simTime = simTime;
    this.counts = new int[numClasses];
    this.firsts = new int[numClasses];
  }

  /** The share of samples whose decoded class is their label. */
  double accuracy(Network network) {
    Processor p = new Processor(network);
    boolean filtered = skipDeadInputs && filterDeadInputs(network);
    int[] in = filtered ? liveIn : data.inputs();
    int[] time = filtered ? liveTime : data.times();
    double[] value = filtered ? liveValue : data.values();
    boolean needFirsts = decoder.needsFirstTimes();
    int correct = 0;
    long fires = 0;
    long events = 0;
    for (int i = 0, n = data.size(); i < n; i++) {
      p.clearActivity();
      if (filtered) {
        p.applySpikes(in, time, value, liveOffsets[i], liveOffsets[i + 1] - liveOffsets[i]);
      } else {
        p.applySpikes(in, time, value, data.offset(i), data.count(i));
      }
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

  /** Copies the spikes into live inputs; false (nothing copied) when every input is live. */
  private boolean filterDeadInputs(Network network) {
    List<Long> inputs = network.inputs();
    boolean[] live = new boolean[inputs.size()];
    Set<Long> sources = new HashSet<>();
    for (Synapse s : network.synapses()) {
      sources.add(s.from());
    }
    Set<Long> outputs = new HashSet<>(network.outputs());
    boolean allLive = true;
    for (int i = 0; i < live.length; i++) {
      live[i] = sources.contains(inputs.get(i)) || outputs.contains(inputs.get(i));
      allLive &= live[i];
    }
    if (allLive) {
      return false;
    }
    int total = data.totalSpikes();
    if (liveIn.length < total) {
      liveIn = new int[total];
      liveTime = new int[total];
      liveValue = new double[total];
    }
    int[] in = data.inputs();
    int k = 0;
    for (int s = 0, n = data.size(); s < n; s++) {
      liveOffsets[s] = k;
      for (int j = data.offset(s), end = j + data.count(s); j < end; j++) {
        if (live[in[j]]) {
          liveIn[k] = in[j];
          liveTime[k] = data.times()[j];
          liveValue[k] = data.values()[j];
          k++;
        }
      }
    }
    liveOffsets[data.size()] = k;
    return true;
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
