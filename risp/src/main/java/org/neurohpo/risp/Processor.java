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
 * the work of a run is proportional to its events, not to neurons times timesteps. The wheel has a
 * fixed number of slots, the power of two above the network's max delay, so that every synapse
 * event lands in it. Input spikes applied further ahead than the wheel reaches wait in a compact
 * store of primitive arrays sorted by time (appends in time order cost O(1); others are sorted in
 * one batch when the next run starts) and enter the wheel one timestep before the wheel reaches
 * them, before any synapse event can be scheduled there. The processor's memory is therefore
 * bounded by the network (neurons, synapses, max delay) plus 16 bytes per pending applied spike,
 * whatever the spikes' times. Within a timestep, events are delivered in the order they were
 * scheduled, as the reference does; this fixes the order of floating-point sums. All arithmetic is
 * in {@code double}, which holds the integers of discrete networks exactly. Not thread-safe: use
 * one processor per thread.
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

  // the time wheel: slot (origin + t) & mask holds the events due at timestep t of the current run,
  // for the wheelSize timesteps from the one being simulated (from 0 between runs)
  private final int wheelSize;
  private final int mask;
  private final int slotLimit; // a slot above this capacity is trimmed at the next clear
  private int origin; // slot of timestep 0 of the current run
  private final int[][] evTarget;
  private final double[][] evValue;
  private final int[] evCount;

  // applied input spikes due at or beyond the wheel's reach (absolute time >= clock + wheelSize
  // between runs): [farHead, farSorted) sorted by time and then by the order applied,
  // [farSorted, farSize) applied since, in the order applied. Times relative to farBase.
  private static final int FAR_MIN = 64;
  private static final int[] NO_INTS = new int[0];
  private static final double[] NO_DOUBLES = new double[0];
  private static final long[] NO_LONGS = new long[0];
  private long clock; // absolute timestep (since the last clear) of timestep 0 of the next run
  private long farBase;
  private int[] farTime = NO_INTS;
  private int[] farTarget = NO_INTS;
  private double[] farValue = NO_DOUBLES;
  private int farHead;
  private int farSorted;
  private int farSize;
  private int farPeak; // most spikes pending in the far store since the last clear
  private long[] sortKeys = NO_LONGS; // scratch of the batch sort
  private int[] sortCounts = NO_INTS; // scratch of its counting sort
  private int[] mergedTime = NO_INTS; // scratch of the merge, swapped with the store's arrays
  private int[] mergedTarget = NO_INTS;
  private double[] mergedValue = NO_DOUBLES;

  private final int[] outCount;
  private final int[][] outTimes;
  private long neuronFires;
  private long synapseEvents;
  private long eventsDelivered;

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
    wheelSize = Integer.highestOneBit(Math.max(1, maxDelay)) << 1;
    mask = wheelSize - 1;
    // events due at one timestep: at most one per synapse, plus the input spikes applied for it
    slotLimit = Math.max(64, Integer.highestOneBit(synTarget.length + inputNeuron.length) << 1);
    evTarget = new int[wheelSize][8];
    evValue = new double[wheelSize][8];
    evCount = new int[wheelSize];
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
    for (int s = 0; s < wheelSize; s++) {
      if (evTarget[s].length > slotLimit) {
        evTarget[s] = new int[slotLimit];
        evValue[s] = new double[slotLimit];
      }
    }
    origin = 0;
    clock = 0;
    clearFar();
    toFireCount = 0;
    Arrays.fill(outCount, 0);
    neuronFires = 0;
    synapseEvents = 0;
    eventsDelivered = 0;
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
    if (farSorted < farSize) {
      sortFar();
    }
    int farStep = nextFarStep();
    for (int t = 0; t < steps; t++) {
      step(t);
      if (t == farStep) {
        // the slot just emptied now holds timestep t + wheelSize: the far spikes due then enter it
        // before any fire can schedule an event there (the earliest is at t + 1)
        enterWheel(t);
        farStep = nextFarStep();
      }
    }
    origin = (origin + steps) & mask;
    clock += steps;
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
    eventsDelivered += count;
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
    if (time >= wheelSize) {
      scheduleFar(clock + time, target, value);
      return;
    }
    append((origin + time) & mask, target, value);
  }

  private void append(int slot, int target, double value) {
    int k = evCount[slot];
    if (k == evTarget[slot].length) {
      evTarget[slot] = Arrays.copyOf(evTarget[slot], k * 2);
      evValue[slot] = Arrays.copyOf(evValue[slot], k * 2);
    }
    evTarget[slot][k] = target;
    evValue[slot][k] = value;
    evCount[slot] = k + 1;
  }

  private void scheduleFar(long absTime, int target, double value) {
    if (farHead == farSize) {
      farHead = 0;
      farSorted = 0;
      farSize = 0;
      farBase = clock;
    }
    if (absTime - farBase > Integer.MAX_VALUE) {
      // every pending spike is due after clock, so times relative to clock fit (time is an int)
      int shift = (int) (clock - farBase);
      for (int i = farHead; i < farSize; i++) {
        farTime[i] -= shift;
      }
      farBase = clock;
    }
    int rel = (int) (absTime - farBase);
    if (farSize == farTime.length) {
      growFar();
    }
    farTime[farSize] = rel;
    farTarget[farSize] = target;
    farValue[farSize] = value;
    if (farSorted == farSize && (farSorted == farHead || rel >= farTime[farSorted - 1])) {
      farSorted++; // in time order: still sorted, and after every spike already due then
    }
    farSize++;
    farPeak = Math.max(farPeak, farSize - farHead);
  }

  private void growFar() {
    int pending = farSize - farHead;
    if (farHead > 0 && pending < farTime.length / 2) {
      System.arraycopy(farTime, farHead, farTime, 0, pending);
      System.arraycopy(farTarget, farHead, farTarget, 0, pending);
      System.arraycopy(farValue, farHead, farValue, 0, pending);
    } else {
      int capacity = Math.max(FAR_MIN, farTime.length * 2);
      farTime = Arrays.copyOfRange(farTime, farHead, farHead + capacity);
      farTarget = Arrays.copyOfRange(farTarget, farHead, farHead + capacity);
      farValue = Arrays.copyOfRange(farValue, farHead, farHead + capacity);
      mergedTime = NO_INTS;
      mergedTarget = NO_INTS;
      mergedValue = NO_DOUBLES;
    }
    farSorted -= farHead;
    farSize -= farHead;
    farHead = 0;
  }

  /**
   * Sorts the spikes applied out of time order, stably, and merges them after the sorted ones of
   * the same time (those were all applied earlier).
   */
  private void sortFar() {
    int k = farSize - farSorted;
    if (sortKeys.length < k) {
      sortKeys = new long[farTime.length];
    }
    long[] keys = sortKeys;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int j = farSorted; j < farSize; j++) {
      min = Math.min(min, farTime[j]);
      max = Math.max(max, farTime[j]);
    }
    long range = (long) max - min + 1;
    if (range <= Math.max(256, 4L * k)) {
      // a sample's spikes span few timesteps (encoders apply them input by input): a stable
      // counting sort by time, linear
      if (sortCounts.length < range + 1) {
        sortCounts = new int[(int) range + 1];
      }
      int[] counts = sortCounts;
      Arrays.fill(counts, 0, (int) range + 1, 0);
      for (int j = farSorted; j < farSize; j++) {
        counts[farTime[j] - min + 1]++;
      }
      for (int r = 1; r <= range; r++) {
        counts[r] += counts[r - 1];
      }
      for (int j = 0; j < k; j++) {
        int t = farTime[farSorted + j];
        keys[counts[t - min]++] = ((long) t << 32) | j;
      }
    } else {
      for (int j = 0; j < k; j++) {
        keys[j] = ((long) farTime[farSorted + j] << 32) | j;
      }
      Arrays.sort(keys, 0, k);
    }
    if (mergedTime.length != farTime.length) {
      mergedTime = new int[farTime.length];
      mergedTarget = new int[farTime.length];
      mergedValue = new double[farTime.length];
    }
    int a = farHead;
    int b = 0;
    int o = 0;
    while (a < farSorted || b < k) {
      int from;
      if (b == k || (a < farSorted && farTime[a] <= (int) (keys[b] >>> 32))) {
        from = a++;
      } else {
        from = farSorted + (int) keys[b++];
      }
      mergedTime[o] = farTime[from];
      mergedTarget[o] = farTarget[from];
      mergedValue[o] = farValue[from];
      o++;
    }
    int[] t = farTime;
    farTime = mergedTime;
    mergedTime = t;
    int[] g = farTarget;
    farTarget = mergedTarget;
    mergedTarget = g;
    double[] v = farValue;
    farValue = mergedValue;
    mergedValue = v;
    farHead = 0;
    farSorted = o;
    farSize = o;
  }

  /** The step of this run at whose end the next far spike enters the wheel; MAX_VALUE: none. */
  private int nextFarStep() {
    if (farHead == farSize) {
      return Integer.MAX_VALUE;
    }
    long step = farBase + farTime[farHead] - wheelSize - clock;
    return (int) Math.min(step, Integer.MAX_VALUE);
  }

  private void enterWheel(int t) {
    long due = clock + t + wheelSize - farBase;
    int slot = (origin + t) & mask;
    while (farHead < farSize && farTime[farHead] == due) {
      append(slot, farTarget[farHead], farValue[farHead]);
      farHead++;
    }
  }

  private void clearFar() {
    farHead = 0;
    farSorted = 0;
    farSize = 0;
    // keep the store's arrays for the next sample unless they outgrew what the last one needed
    int keep = Math.max(FAR_MIN, Integer.highestOneBit(Math.max(1, farPeak - 1)) << 1);
    if (farTime.length > 2 * keep) {
      farTime = new int[keep];
      farTarget = new int[keep];
      farValue = new double[keep];
      mergedTime = NO_INTS;
      mergedTarget = NO_INTS;
      mergedValue = NO_DOUBLES;
    }
    if (sortKeys.length > 2 * keep) {
      sortKeys = NO_LONGS;
    }
    if (sortCounts.length > 8 * keep) {
      sortCounts = NO_INTS;
    }
    farPeak = 0;
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

  /**
   * Synapse events scheduled by fires since the last {@link #clearActivity()}, including those due
   * after the end of the last run.
   */
  public long synapseEvents() {
    return synapseEvents;
  }

  /**
   * Events (synapse deliveries and input spikes) integrated into potentials by the runs since the
   * last {@link #clearActivity()}.
   */
  public long eventsDelivered() {
    return eventsDelivered;
  }

  /**
   * Diagnostics: the events the time wheel's slots can hold without growing, all slots together.
   * Bounded by the network: at most {@code slots * max(64, 2 * (synapses + inputs))} after a {@link
   * #clearActivity()}, however far ahead spikes were applied.
   */
  public long wheelCapacity() {
    long c = 0;
    for (int[] slot : evTarget) {
      c += slot.length;
    }
    return c;
  }

  /** Diagnostics: the number of slots of the time wheel (a power of two above the max delay). */
  public int wheelSlots() {
    return wheelSize;
  }

  /**
   * Diagnostics: the spikes the store of far-ahead input spikes can hold without growing (with its
   * sort scratch): proportional to the most spikes pending at once, not to their times.
   */
  public long farCapacity() {
    return farTime.length + (long) mergedTime.length + sortKeys.length + sortCounts.length;
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
