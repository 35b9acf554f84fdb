package org.neurohpo.risp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RISP processor: a network compiled to primitive arrays and simulated event by event, bit for
 * bit as docs/RISP.md states.
 *
 * <p>Events (synapse deliveries and input spikes) wait in a time wheel of per-timestep buckets, so
 * the work of a run is proportional to its events, not to neurons times timesteps. Within a
 * timestep, events are delivered in the order they were scheduled, as the reference does; this
 * fixes the order of floating-point sums. All arithmetic is in {@code double}, which holds the
 * integers of discrete networks exactly. Not thread-safe: use one processor per thread.
 */
public final class Processor {
  private final int neuronCount;
  private final double minPotential;
  private final boolean discrete;
  private final boolean ravens;
  private final boolean runTimeInclusive;
  private final double spikeValueFactor;
  private final int maxDelay;

  private final long[] ids;
  private final Map<Long, Integer> indexOfId;
  private final double[] threshold; // effective: +1 or +1e-7 when the threshold is exclusive
  private final boolean[] leak;
  private final int[] synStart;
  private final int[] synTarget;
  private final double[] synWeight;
  private final int[] synDelay;
  private final int[] inputNeuron;
  private final int[] outputNeuron;
  private final int[] outputOf;

  private final double[] charge;
  private final boolean[] seen;
  private final int[] touched;
  // neurons whose potential may be non-zero since the last clear: the only ones that clear and
  // the end-of-run leak and floor need to visit (an untouched neuron holds 0, which both keep)
  private final boolean[] dirty;
  private final int[] dirtyList;
  private int dirtyCount;
  private int[] toFire;
  private int toFireCount;

  private int wheelSize;
  private int mask;
  private int origin; // slot of timestep 0 of the current run
  private int now; // the timestep being simulated (0 between runs)
  private int[][] evTarget;
  private double[][] evValue;
  private int[] evCount;

  private final int[] outCount;
  private final int[][] outTimes;
  private long neuronFires;
  private long synapseEvents;

  public Processor(Network network) {
    ProcParams p = network.params();
    minPotential = p.minPotential();
    discrete = p.discrete();
    ravens = p.fireLikeRavens();
    runTimeInclusive = p.runTimeInclusive();
    spikeValueFactor = p.spikeValueFactor();
    maxDelay = p.maxDelay();

    ids = network.neuronIds();
    neuronCount = ids.length;
    indexOfId = new HashMap<>(neuronCount * 2);
    threshold = new double[neuronCount];
    leak = new boolean[neuronCount];
    for (int i = 0; i < neuronCount; i++) {
      indexOfId.put(ids[i], i);
      double t = network.threshold(ids[i]);
      threshold[i] = p.thresholdInclusive() ? t : (discrete ? t + 1 : t + 0.0000001);
      leak[i] = network.leak(ids[i]);
    }

    List<Synapse> synapses = network.synapses();
    synStart = new int[neuronCount + 1];
    for (Synapse s : synapses) {
      synStart[indexOfId.get(s.from()) + 1]++;
    }
    for (int i = 0; i < neuronCount; i++) {
      synStart[i + 1] += synStart[i];
    }
    synTarget = new int[synapses.size()];
    synWeight = new double[synapses.size()];
    synDelay = new int[synapses.size()];
    int[] fill = Arrays.copyOf(synStart, neuronCount);
    for (Synapse s : synapses) {
      int k = fill[indexOfId.get(s.from())]++;
      synTarget[k] = indexOfId.get(s.to());
      synWeight[k] = s.weight();
      synDelay[k] = s.delay();
    }

    inputNeuron = network.inputs().stream().mapToInt(indexOfId::get).toArray();
    outputNeuron = network.outputs().stream().mapToInt(indexOfId::get).toArray();
    outputOf = new int[neuronCount];
    Arrays.fill(outputOf, -1);
    for (int o = 0; o < outputNeuron.length; o++) {
      outputOf[outputNeuron[o]] = o;
    }

    charge = new double[neuronCount];
    seen = new boolean[neuronCount];
    touched = new int[neuronCount];
    dirty = new boolean[neuronCount];
    dirtyList = new int[neuronCount];
    toFire = new int[Math.max(4, neuronCount)];
    outCount = new int[outputNeuron.length];
    outTimes = new int[outputNeuron.length][8];
    allocateWheel(Integer.highestOneBit(maxDelay) << 1);
  }

  private void allocateWheel(int size) {
    wheelSize = size;
    mask = size - 1;
    origin = 0;
    evTarget = new int[size][8];
    evValue = new double[size][8];
    evCount = new int[size];
  }

  public int inputCount() {
    return inputNeuron.length;
  }

  public int outputCount() {
    return outputNeuron.length;
  }

  /** Forgets all activity: potentials, pending events and fires, counters. */
  public void clearActivity() {
    for (int i = 0; i < dirtyCount; i++) {
      int n = dirtyList[i];
      charge[n] = 0.0;
      dirty[n] = false;
    }
    dirtyCount = 0;
    Arrays.fill(evCount, 0);
    origin = 0;
    now = 0;
    toFireCount = 0;
    Arrays.fill(outCount, 0);
    neuronFires = 0;
    synapseEvents = 0;
  }

  /**
   * Applies one input spike: at {@code time} (timesteps from the start of the next run) it adds
   * {@code floor(value * spike_value_factor)} (discrete) or {@code value * spike_value_factor} to
   * input neuron {@code inputIndex}.
   */
  public void applySpike(int inputIndex, int time, double value) {
    if (inputIndex < 0 || inputIndex >= inputNeuron.length) {
      throw new IllegalArgumentException(
          "input "
              + inputIndex
              + " does not exist; the network has "
              + inputNeuron.length
              + " input(s)");
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("input spike value must be in [0, 1], got " + value);
    }
    if (time < 0) {
      throw new IllegalArgumentException("input spike time must be >= 0, got " + time);
    }
    double v = value * spikeValueFactor;
    schedule(time, inputNeuron[inputIndex], discrete ? Math.floor(v) : v);
  }

  /** Applies {@code count} spikes from parallel arrays, in order. */
  public void applySpikes(int[] input, int[] time, double[] value, int count) {
    applySpikes(input, time, value, 0, count);
  }

  /** Applies the spikes at {@code offset .. offset + count - 1} of parallel arrays, in order. */
  public void applySpikes(int[] input, int[] time, double[] value, int offset, int count) {
    for (int i = offset, end = offset + count; i < end; i++) {
      applySpike(input[i], time[i], value[i]);
    }
  }

  /**
   * Runs {@code duration} timesteps (0 .. duration-1; with run_time_inclusive 0 .. duration).
   * Output fire counts and times are those of this run.
   */
  public void run(int duration) {
    if (duration < 0) {
      throw new IllegalArgumentException("run duration must be >= 0, got " + duration);
    }
    Arrays.fill(outCount, 0);
    int steps = runTimeInclusive ? duration + 1 : duration;
    for (int t = 0; t < steps; t++) {
      now = t;
      step(t);
    }
    now = 0;
    origin = (origin + steps) & mask;
    for (int i = 0; i < dirtyCount; i++) {
      int n = dirtyList[i];
      if (leak[n]) {
        charge[n] = 0;
      }
      if (charge[n] < minPotential) {
        charge[n] = minPotential;
      }
    }
  }

  private void step(int t) {
    if (ravens && toFireCount > 0) {
      int pending = toFireCount;
      toFireCount = 0;
      for (int i = 0; i < pending; i++) {
        record(toFire[i], t);
      }
    }
    int slot = (origin + t) & mask;
    int count = evCount[slot];
    if (count == 0) {
      return;
    }
    int[] targets = evTarget[slot];
    double[] values = evValue[slot];
    double[] c = charge;
    boolean[] s = seen;
    int[] firstSeen = touched;
    int touchedCount = 0;
    for (int i = 0; i < count; i++) {
      int n = targets[i];
      if (!s[n]) {
        s[n] = true;
        firstSeen[touchedCount++] = n;
        if (!dirty[n]) {
          dirty[n] = true;
          dirtyList[dirtyCount++] = n;
        }
        if (leak[n]) {
          c[n] = 0;
        }
        if (c[n] < minPotential) {
          c[n] = minPotential;
        }
      }
      c[n] += values[i];
    }
    for (int i = 0; i < touchedCount; i++) {
      int n = firstSeen[i];
      s[n] = false;
      if (c[n] >= threshold[n]) {
        fire(n, t);
      }
    }
    evCount[slot] = 0;
  }

  private void fire(int n, int t) {
    int end = synStart[n + 1];
    int base = origin + t;
    for (int k = synStart[n]; k < end; k++) {
      int slot = (base + synDelay[k]) & mask;
      int c = evCount[slot];
      int[] bt = evTarget[slot];
      if (c == bt.length) {
        bt = Arrays.copyOf(bt, c * 2);
        evTarget[slot] = bt;
        evValue[slot] = Arrays.copyOf(evValue[slot], c * 2);
      }
      bt[c] = synTarget[k];
      evValue[slot][c] = synWeight[k];
      evCount[slot] = c + 1;
    }
    synapseEvents += end - synStart[n];
    if (ravens) {
      if (toFireCount == toFire.length) {
        toFire = Arrays.copyOf(toFire, toFireCount * 2);
      }
      toFire[toFireCount++] = n;
    } else {
      record(n, t);
    }
  }

  private void record(int n, int t) {
    charge[n] = 0;
    neuronFires++;
    int o = outputOf[n];
    if (o >= 0) {
      int k = outCount[o]++;
      if (k == outTimes[o].length) {
        outTimes[o] = Arrays.copyOf(outTimes[o], k * 2);
      }
      outTimes[o][k] = t;
    }
  }

  private void schedule(int time, int target, double value) {
    if (time - now >= wheelSize) {
      growWheel(time - now + 1);
    }
    int slot = (origin + time) & mask;
    int k = evCount[slot];
    if (k == evTarget[slot].length) {
      evTarget[slot] = Arrays.copyOf(evTarget[slot], k * 2);
      evValue[slot] = Arrays.copyOf(evValue[slot], k * 2);
    }
    evTarget[slot][k] = target;
    evValue[slot][k] = value;
    evCount[slot] = k + 1;
  }

  private void growWheel(int needed) {
    int[][] oldTarget = evTarget;
    double[][] oldValue = evValue;
    int[] oldCount = evCount;
    int oldOrigin = origin;
    int oldSize = wheelSize;
    int oldMask = mask;
    int size = wheelSize;
    while (size < needed) {
      size <<= 1;
    }
    allocateWheel(size);
    for (int k = 0; k < oldSize; k++) {
      int from = (oldOrigin + now + k) & oldMask;
      int to = (now + k) & mask;
      evTarget[to] = oldTarget[from];
      evValue[to] = oldValue[from];
      evCount[to] = oldCount[from];
    }
  }

  /** How often output {@code outputIndex} fired in the last run. */
  public int outputCount(int outputIndex) {
    return outCount[checkOutput(outputIndex)];
  }

  /** The timesteps at which output {@code outputIndex} fired in the last run, ascending. */
  public int[] outputTimes(int outputIndex) {
    int o = checkOutput(outputIndex);
    return Arrays.copyOf(outTimes[o], outCount[o]);
  }

  /** The first timestep at which output {@code outputIndex} fired in the last run, or -1. */
  public int firstOutputTime(int outputIndex) {
    int o = checkOutput(outputIndex);
    return outCount[o] == 0 ? -1 : outTimes[o][0];
  }

  /** Writes every output's fire count of the last run into {@code counts} (allocation-free). */
  public void outputCounts(int[] counts) {
    System.arraycopy(outCount, 0, counts, 0, outCount.length);
  }

  /** Writes every output's first fire time of the last run (-1: none) into {@code firsts}. */
  public void firstOutputTimes(int[] firsts) {
    for (int o = 0; o < outCount.length; o++) {
      firsts[o] = outCount[o] == 0 ? -1 : outTimes[o][0];
    }
  }

  /** Fires of all neurons since the last {@link #clearActivity()}. */
  public long neuronFires() {
    return neuronFires;
  }

  /** Synapse events (deliveries scheduled by fires) since the last {@link #clearActivity()}. */
  public long synapseEvents() {
    return synapseEvents;
  }

  /** A neuron's potential now (after a run: with the end-of-run leak and floor applied). */
  public double potential(long neuronId) {
    Integer n = indexOfId.get(neuronId);
    if (n == null) {
      throw new IllegalArgumentException("no neuron " + neuronId + " in the network");
    }
    return charge[n];
  }

  private int checkOutput(int o) {
    if (o < 0 || o >= outputNeuron.length) {
      throw new IllegalArgumentException(
          "output " + o + " does not exist; the network has " + outputNeuron.length + " output(s)");
    }
    return o;
  }
}
