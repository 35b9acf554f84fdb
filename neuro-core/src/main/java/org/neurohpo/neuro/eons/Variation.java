package org.neurohpo.neuro.eons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurohpo.risp.LeakMode;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;
import org.neurohpo.risp.Synapse;

/**
 * The EONS operators: random networks, mutations, crossover and merge. Inputs are neurons 0 .. I-1
 * and outputs I .. I+O-1; they are never deleted. Every value drawn lies within the hardware's
 * ranges (integers when discrete). All randomness comes from the generator passed in.
 */
final class Variation {
  private static final int ADD_EDGE_TRIES = 20;

  private final EonsParams params;
  private final ProcParams hw;
  private final int numInputs;
  private final int numOutputs;
  private final double[] kindWeights;

  Variation(EonsParams params, ProcParams hw, int numInputs, int numOutputs) {
    this.params = params;
    this.hw = hw;
    this.numInputs = numInputs;
    this.numOutputs = numOutputs;
    this.kindWeights =
        new double[] {
          params.addNodeRate(),
          params.deleteNodeRate(),
          params.addEdgeRate(),
          params.deleteEdgeRate(),
          params.nodeParamsRate(),
          params.edgeParamsRate()
        };
  }

  /**
   * A new network: the inputs and outputs, startingNodes hidden neurons, startingEdges synapses.
   */
  Network random(SplittableRandom rng) {
    Network net = new Network(hw);
    for (int i = 0; i < numInputs + numOutputs; i++) {
      long id = net.addNeuron(threshold(rng));
      randomLeak(net, id, rng);
      if (i < numInputs) {
        net.addInput(id);
      } else {
        net.addOutput(id);
      }
    }
    for (int h = 0; h < params.startingNodes(); h++) {
      randomLeak(net, net.addNeuron(threshold(rng)), rng);
    }
    for (int e = 0; e < params.startingEdges(); e++) {
      addRandomSynapse(net, rng);
    }
    return net;
  }

  /** Applies {@code numMutations} mutations, kinds drawn by their relative weights. */
  void mutate(Network net, SplittableRandom rng) {
    for (int m = 0; m < params.numMutations(); m++) {
      switch (pick(kindWeights, rng)) {
        case 0 -> addNeuron(net, rng);
        case 1 -> deleteNeuron(net, rng);
        case 2 -> addRandomSynapse(net, rng);
        case 3 -> deleteSynapse(net, rng);
        case 4 -> changeNeuron(net, rng);
        default -> changeSynapse(net, rng);
      }
    }
  }

  private void addNeuron(Network net, SplittableRandom rng) {
    long[] existing = net.neuronIds();
    long id = net.addNeuron(threshold(rng));
    randomLeak(net, id, rng);
    long from = existing[rng.nextInt(existing.length)];
    long to = existing[rng.nextInt(existing.length)];
    net.addSynapse(from, id, weight(rng), delay(rng));
    net.addSynapse(id, to, weight(rng), delay(rng));
  }

  private void deleteNeuron(Network net, SplittableRandom rng) {
    List<Long> hidden = hidden(net);
    if (!hidden.isEmpty()) {
      net.removeNeuron(hidden.get(rng.nextInt(hidden.size())));
    }
  }

  private void addRandomSynapse(Network net, SplittableRandom rng) {
    long[] ids = net.neuronIds();
    for (int t = 0; t < ADD_EDGE_TRIES; t++) {
      long from = ids[rng.nextInt(ids.length)];
      long to = ids[rng.nextInt(ids.length)];
      if (!net.hasSynapse(from, to)) {
        net.addSynapse(from, to, weight(rng), delay(rng));
        return;
      }
    }
  }

  private void deleteSynapse(Network net, SplittableRandom rng) {
    if (net.synapseCount() > 0) {
      Synapse s = net.synapses().get(rng.nextInt(net.synapseCount()));
      net.removeSynapse(s.from(), s.to());
    }
  }

  private void changeNeuron(Network net, SplittableRandom rng) {
    long[] ids = net.neuronIds();
    long id = ids[rng.nextInt(ids.length)];
    if (hw.leakMode() == LeakMode.CONFIGURABLE && rng.nextBoolean()) {
      net.setLeak(id, !net.leak(id));
    } else if (params.thresholdMutationWeight() > 0) {
      net.setThreshold(id, threshold(rng));
    }
  }

  private void changeSynapse(Network net, SplittableRandom rng) {
    if (net.synapseCount() == 0) {
      return;
    }
    Synapse s = net.synapses().get(rng.nextInt(net.synapseCount()));
    double[] w = {params.weightMutationWeight(), params.delayMutationWeight()};
    if (w[0] + w[1] <= 0) {
      return;
    }
    if (pick(w, rng) == 0) {
      net.setWeight(s.from(), s.to(), weight(rng));
    } else {
      net.setDelay(s.from(), s.to(), delay(rng));
    }
  }

  /**
   * Crossover: the child keeps the inputs and outputs of {@code a} (each threshold from a or b at
   * random) and each hidden neuron of a and of b with probability 1/2; it gets every synapse of the
   * parent a kept neuron came from whose two ends are in the child.
   */
  Network crossover(Network a, Network b, SplittableRandom rng) {
    Network child = new Network(hw);
    Map<Long, Long> fromA = new HashMap<>();
    Map<Long, Long> fromB = new HashMap<>();
    Set<Long> io = new HashSet<>(a.inputs());
    io.addAll(a.outputs());
    for (long id : a.neuronIds()) {
      if (io.contains(id)) {
        Network src = b.hasNeuron(id) && rng.nextBoolean() ? b : a;
        child.addNeuron(id, src.threshold(id));
        child.setLeak(id, src.leak(id));
        fromA.put(id, id);
        fromB.put(id, id);
      }
    }
    a.inputs().forEach(child::addInput);
    a.outputs().forEach(child::addOutput);
    copyHidden(a, child, io, fromA, rng);
    copyHidden(b, child, io, fromB, rng);
    copySynapses(a, child, fromA);
    copySynapses(b, child, fromB);
    return child;
  }

  /** Merge: every neuron and synapse of both parents; inputs and outputs are shared. */
  Network merge(Network a, Network b) {
    Network child = a.copy();
    Set<Long> io = new HashSet<>(a.inputs());
    io.addAll(a.outputs());
    Map<Long, Long> fromB = new HashMap<>();
    io.forEach(id -> fromB.put(id, id));
    for (long id : b.neuronIds()) {
      if (!io.contains(id)) {
        long copy = child.addNeuron(b.threshold(id));
        child.setLeak(copy, b.leak(id));
        fromB.put(id, copy);
      }
    }
    copySynapses(b, child, fromB);
    return child;
  }

  private static void copyHidden(
      Network src, Network child, Set<Long> io, Map<Long, Long> map, SplittableRandom rng) {
    for (long id : src.neuronIds()) {
      if (!io.contains(id) && rng.nextBoolean()) {
        long copy = child.hasNeuron(id) ? child.addNeuron(src.threshold(id)) : id;
        if (copy == id) {
          child.addNeuron(id, src.threshold(id));
        }
        child.setLeak(copy, src.leak(id));
        map.put(id, copy);
      }
    }
  }

  private static void copySynapses(Network src, Network child, Map<Long, Long> map) {
    for (Synapse s : src.synapses()) {
      Long from = map.get(s.from());
      Long to = map.get(s.to());
      if (from != null && to != null && !child.hasSynapse(from, to)) {
        child.addSynapse(from, to, s.weight(), s.delay());
      }
    }
  }

  private List<Long> hidden(Network net) {
    List<Long> hidden = new ArrayList<>();
    for (long id : net.neuronIds()) {
      if (id >= numInputs + numOutputs) {
        hidden.add(id);
      }
    }
    return hidden;
  }

  private void randomLeak(Network net, long id, SplittableRandom rng) {
    if (hw.leakMode() == LeakMode.CONFIGURABLE) {
      net.setLeak(id, rng.nextBoolean());
    }
  }

  double threshold(SplittableRandom rng) {
    return value(hw.minThreshold(), hw.maxThreshold(), rng);
  }

  double weight(SplittableRandom rng) {
    return value(hw.minWeight(), hw.maxWeight(), rng);
  }

  int delay(SplittableRandom rng) {
    return 1 + rng.nextInt(hw.maxDelay());
  }

  private double value(double min, double max, SplittableRandom rng) {
    if (hw.discrete()) {
      long lo = (long) Math.ceil(min);
      long hi = (long) Math.floor(max);
      return lo + rng.nextLong(hi - lo + 1);
    }
    return min + rng.nextDouble() * (max - min);
  }

  static int pick(double[] weights, SplittableRandom rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return 0;
  }
}
