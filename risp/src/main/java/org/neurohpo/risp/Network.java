package org.neurohpo.risp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spiking network for a RISP processor: neurons (id, threshold, leak), synapses (from, to,
 * weight, delay), the ordered input and output neurons, and the data carried with it.
 *
 * <p>Ids are unsigned 32-bit values held in a {@code long}. Every value is checked against the
 * network's {@link ProcParams} when it is set. Neurons and synapses keep their insertion order,
 * which is also the order in which a processor delivers events. Not thread-safe.
 */
public final class Network {
  static final long MAX_ID = 0xFFFF_FFFFL;

  private final ProcParams params;
  private final LinkedHashMap<Long, NeuronValues> neurons = new LinkedHashMap<>();
  private final LinkedHashMap<Long, SynapseValues> synapses = new LinkedHashMap<>();
  private final List<Long> inputs = new ArrayList<>();
  private final List<Long> outputs = new ArrayList<>();
  private ObjectNode associatedData = JsonNodeFactory.instance.objectNode();
  private long nextId;

  private static final class NeuronValues {
    double threshold;
    boolean leak;

    NeuronValues(double threshold, boolean leak) {
      this.threshold = threshold;
      this.leak = leak;
    }
  }

  private static final class SynapseValues {
    final long from;
    final long to;
    double weight;
    int delay;

    SynapseValues(long from, long to, double weight, int delay) {
      this.from = from;
      this.to = to;
      this.weight = weight;
      this.delay = delay;
    }
  }

  public Network(ProcParams params) {
    if (params == null) {
      throw new IllegalArgumentException("a network needs processor parameters");
    }
    this.params = params;
  }

  public ProcParams params() {
    return params;
  }

  // ---- neurons ----

  /** Adds a neuron with the next free id (one more than the largest so far) and returns it. */
  public long addNeuron(double threshold) {
    while (neurons.containsKey(nextId)) {
      nextId++;
    }
    long id = nextId;
    addNeuron(id, threshold);
    return id;
  }

  public void addNeuron(long id, double threshold) {
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException("neuron id must be in [0, 4294967295], got " + id);
    }
    if (neurons.containsKey(id)) {
      throw new IllegalArgumentException("neuron " + id + " already exists");
    }
    checkThreshold(id, threshold);
    neurons.put(id, new NeuronValues(threshold, params.leakMode() == LeakMode.ALL));
    nextId = Math.max(nextId, id + 1);
  }

  public boolean hasNeuron(long id) {
    return neurons.containsKey(id);
  }

  /** Removes a neuron, its synapses in and out, and its input and output roles. */
  public void removeNeuron(long id) {
    neuron(id);
    neurons.remove(id);
    synapses.values().removeIf(s -> s.from == id || s.to == id);
    inputs.remove(Long.valueOf(id));
    outputs.remove(Long.valueOf(id));
  }

  public double threshold(long id) {
    return neuron(id).threshold;
  }

  public void setThreshold(long id, double threshold) {
    NeuronValues n = neuron(id);
    checkThreshold(id, threshold);
    n.threshold = threshold;
  }

  /** Whether the neuron leaks: its own flag with leak mode configurable, else the mode's. */
  public boolean leak(long id) {
    NeuronValues n = neuron(id);
    return switch (params.leakMode()) {
      case NONE -> false;
      case ALL -> true;
      case CONFIGURABLE -> n.leak;
    };
  }

  /** Sets a neuron's own leak flag; only meaningful with leak mode configurable. */
  public void setLeak(long id, boolean leak) {
    neuron(id).leak = leak;
  }

  public int neuronCount() {
    return neurons.size();
  }

  /** Neuron ids in insertion order. */
  public long[] neuronIds() {
    long[] ids = new long[neurons.size()];
    int i = 0;
    for (long id : neurons.keySet()) {
      ids[i++] = id;
    }
    return ids;
  }

  // ---- synapses ----

  public void addSynapse(long from, long to, double weight, int delay) {
    neuron(from);
    neuron(to);
    long key = key(from, to);
    if (synapses.containsKey(key)) {
      throw new IllegalArgumentException("synapse " + from + "->" + to + " already exists");
    }
    checkWeight(from, to, weight);
    checkDelay(from, to, delay);
    synapses.put(key, new SynapseValues(from, to, weight, delay));
  }

  public boolean hasSynapse(long from, long to) {
    return from >= 0
        && from <= MAX_ID
        && to >= 0
        && to <= MAX_ID
        && synapses.containsKey(key(from, to));
  }

  public void removeSynapse(long from, long to) {
    synapse(from, to);
    synapses.remove(key(from, to));
  }

  public double weight(long from, long to) {
    return synapse(from, to).weight;
  }

  public void setWeight(long from, long to, double weight) {
    SynapseValues s = synapse(from, to);
    checkWeight(from, to, weight);
    s.weight = weight;
  }

  public int delay(long from, long to) {
    return synapse(from, to).delay;
  }

  public void setDelay(long from, long to, int delay) {
    SynapseValues s = synapse(from, to);
    checkDelay(from, to, delay);
    s.delay = delay;
  }

  public int synapseCount() {
    return synapses.size();
  }

  /** Every synapse, in insertion order (a snapshot). */
  public List<Synapse> synapses() {
    List<Synapse> list = new ArrayList<>(synapses.size());
    for (SynapseValues s : synapses.values()) {
      list.add(new Synapse(s.from, s.to, s.weight, s.delay));
    }
    return list;
  }

  // ---- inputs and outputs ----

  /** Input neuron ids; input i is {@code inputs().get(i)}. */
  public List<Long> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  /** Output neuron ids; output i is {@code outputs().get(i)}. */
  public List<Long> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  public void addInput(long id) {
    neuron(id);
    if (inputs.contains(id)) {
      throw new IllegalArgumentException("neuron " + id + " is already an input");
    }
    inputs.add(id);
  }

  public void addOutput(long id) {
    neuron(id);
    if (outputs.contains(id)) {
      throw new IllegalArgumentException("neuron " + id + " is already an output");
    }
    outputs.add(id);
  }

  /**
   * Everything of {@code Associated_Data} but {@code proc_params} (which {@link #params()} holds):
   * encoder, decoder, EONS parameters and the like, written back untouched. Mutable.
   */
  public ObjectNode associatedData() {
    return associatedData;
  }

  /** A deep copy. */
  public Network copy() {
    Network c = new Network(params);
    for (Map.Entry<Long, NeuronValues> e : neurons.entrySet()) {
      c.neurons.put(e.getKey(), new NeuronValues(e.getValue().threshold, e.getValue().leak));
    }
    for (Map.Entry<Long, SynapseValues> e : synapses.entrySet()) {
      SynapseValues s = e.getValue();
      c.synapses.put(e.getKey(), new SynapseValues(s.from, s.to, s.weight, s.delay));
    }
    c.inputs.addAll(inputs);
    c.outputs.addAll(outputs);
    c.associatedData = associatedData.deepCopy();
    c.nextId = nextId;
    return c;
  }

  // ---- checks ----

  private NeuronValues neuron(long id) {
    NeuronValues n = neurons.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no neuron " + id + " in the network");
    }
    return n;
  }

  private SynapseValues synapse(long from, long to) {
    SynapseValues s =
        from < 0 || from > MAX_ID || to < 0 || to > MAX_ID ? null : synapses.get(key(from, to));
    if (s == null) {
      throw new IllegalArgumentException("no synapse " + from + "->" + to + " in the network");
    }
    return s;
  }

  private static long key(long from, long to) {
    return (from << 32) | to;
  }

  private void checkThreshold(long id, double t) {
    if (!(t >= params.minThreshold() && t <= params.maxThreshold())
        || (params.discrete() && t != Math.rint(t))) {
      throw new IllegalArgumentException(
          "threshold of neuron "
              + id
              + " must be "
              + range(params.minThreshold(), params.maxThreshold())
              + ", got "
              + t);
    }
  }

  private void checkWeight(long from, long to, double w) {
    if (!(w >= params.minWeight() && w <= params.maxWeight())
        || (params.discrete() && w != Math.rint(w))) {
      throw new IllegalArgumentException(
          "weight of synapse "
              + from
              + "->"
              + to
              + " must be "
              + range(params.minWeight(), params.maxWeight())
              + ", got "
              + w);
    }
  }

  private void checkDelay(long from, long to, int d) {
    if (d < 1 || d > params.maxDelay()) {
      throw new IllegalArgumentException(
          "delay of synapse "
              + from
              + "->"
              + to
              + " must be an integer in [1, "
              + params.maxDelay()
              + "], got "
              + d);
    }
  }

  private String range(double lo, double hi) {
    return params.discrete()
        ? "an integer in [" + (long) lo + ", " + (long) hi + "]"
        : "in [" + lo + ", " + hi + "]";
  }
}
