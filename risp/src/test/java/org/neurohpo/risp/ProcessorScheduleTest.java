package org.neurohpo.risp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The processor's scheduling of input spikes applied far ahead, out of time order and between runs,
 * against a naive simulator written straight from docs/RISP.md (one map of pending events per
 * absolute timestep, in the order scheduled); and the bound on its memory.
 */
class ProcessorScheduleTest {

  /** docs/RISP.md, literally: slow, but with no time wheel and no far store. */
  private static final class NaiveRisp {
    private final Network net;
    private final ProcParams p;
    private final Map<Long, Double> charge = new HashMap<>();
    private final TreeMap<Long, List<Object[]>> pending = new TreeMap<>();
    private final List<Long> ravensPending = new ArrayList<>();
    private long clock;
    final Map<Long, List<Integer>> times = new HashMap<>();

    NaiveRisp(Network net) {
      this.net = net;
      this.p = net.params();
      for (long id : net.neuronIds()) {
        charge.put(id, 0.0);
      }
    }

    void apply(int input, int time, double value) {
      double v = value * p.spikeValueFactor();
      add(clock + time, net.inputs().get(input), p.discrete() ? Math.floor(v) : v);
    }

    private void add(long abs, long target, double value) {
      pending.computeIfAbsent(abs, k -> new ArrayList<>()).add(new Object[] {target, value});
    }

    private double threshold(long n) {
      double t = net.threshold(n);
      return p.thresholdInclusive() ? t : (p.discrete() ? t + 1 : t + 0.0000001);
    }

    private void record(long n, int t) {
      charge.put(n, 0.0);
      times.computeIfAbsent(n, k -> new ArrayList<>()).add(t);
    }

    void run(int duration) {
      times.clear();
      int steps = p.runTimeInclusive() ? duration + 1 : duration;
      for (int t = 0; t < steps; t++) {
        for (long n : ravensPending) {
          record(n, t);
        }
        ravensPending.clear();
        List<Object[]> events = pending.remove(clock + t);
        if (events == null) {
          continue;
        }
        LinkedHashSet<Long> touched = new LinkedHashSet<>();
        for (Object[] e : events) {
          long n = (Long) e[0];
          if (touched.add(n)) {
            floor(n);
          }
          charge.put(n, charge.get(n) + (Double) e[1]);
        }
        for (long n : touched) {
          if (charge.get(n) >= threshold(n)) {
            for (Synapse s : net.synapses()) {
              if (s.from() == n) {
                add(clock + t + s.delay(), s.to(), s.weight());
              }
            }
            if (p.fireLikeRavens()) {
              ravensPending.add(n);
            } else {
              record(n, t);
            }
          }
        }
      }
      clock += steps;
      for (long n : net.neuronIds()) {
        floor(n);
      }
    }

    private void floor(long n) {
      if (net.leak(n)) {
        charge.put(n, 0.0);
      }
      if (charge.get(n) < p.minPotential()) {
        charge.put(n, p.minPotential());
      }
    }
  }

  private static Network randomNetwork(SplittableRandom rng, ProcParams hw, int neurons) {
    Network net = new Network(hw);
    for (int i = 0; i < neurons; i++) {
      double span = hw.maxThreshold() - hw.minThreshold();
      double t =
          hw.discrete()
              ? hw.minThreshold() + rng.nextInt((int) Math.min(4, span + 1))
              : hw.minThreshold() + span * (0.5 + 0.5 * rng.nextDouble());
      net.addNeuron(i, t);
    }
    for (int i = 0; i < 4; i++) {
      net.addInput(i);
    }
    for (int i = neurons - 3; i < neurons; i++) {
      net.addOutput(i);
    }
    for (int k = 0; k < neurons * 3; k++) {
      long from = rng.nextInt(neurons);
      long to = rng.nextInt(neurons);
      if (!net.hasSynapse(from, to)) {
        double w =
            hw.discrete()
                ? Math.max(hw.minWeight(), Math.min(hw.maxWeight(), -2 + rng.nextInt(6)))
                : hw.minWeight() + (hw.maxWeight() - hw.minWeight()) * rng.nextDouble();
        net.addSynapse(from, to, w, 1 + rng.nextInt(hw.maxDelay()));
      }
    }
    return net;
  }

  @Test
  void farAheadAndOutOfOrderInputSpikesAcrossRunsMatchTheNaiveSimulator() {
    SplittableRandom rng = new SplittableRandom(7);
    List<ProcParams> hardware =
        List.of(
            ProcParams.preset("RISP-7"),
            ProcParams.preset("RISP-7").withLeakMode(LeakMode.ALL),
            ProcParams.preset("RISP-F"),
            ProcParams.preset("RISP-1+").withMaxDelay(3),
            new ProcParams(true, -7, 7, 0, 7, 15, -7, LeakMode.NONE, false, true, true, 7));
    int runsCompared = 0;
    for (int trial = 0; trial < 60; trial++) {
      ProcParams hw = hardware.get(trial % hardware.size());
      Network net = randomNetwork(rng, hw, 12 + rng.nextInt(20));
      Processor proc = new Processor(net);
      NaiveRisp naive = new NaiveRisp(net);
      for (int run = 0; run < 6; run++) {
        if (rng.nextInt(5) == 0) {
          proc.clearActivity();
          naive = new NaiveRisp(net);
        }
        int spikes = rng.nextInt(40);
        boolean inOrder = rng.nextBoolean();
        int horizon = 1 + rng.nextInt(rng.nextBoolean() ? 20 : 300);
        for (int s = 0; s < spikes; s++) {
          int input = rng.nextInt(4);
          int time = inOrder ? s * horizon / Math.max(1, spikes) : rng.nextInt(horizon);
          // mostly small values, which add up below the thresholds: a potential then keeps the
          // order of the floating-point sum
          double value = rng.nextInt(5) == 0 ? 1.0 : 0.3 * rng.nextDouble();
          proc.applySpike(input, time, value);
          naive.apply(input, time, value);
        }
        int duration = rng.nextInt(4) == 0 ? 0 : 1 + rng.nextInt(rng.nextBoolean() ? 10 : 200);
        proc.run(duration);
        naive.run(duration);
        for (int o = 0; o < net.outputs().size(); o++) {
          List<Integer> expected = naive.times.getOrDefault(net.outputs().get(o), List.of());
          assertThat(proc.outputTimes(o))
              .as("trial %d run %d output %d", trial, run, o)
              .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
        for (long id : net.neuronIds()) {
          assertThat(proc.potential(id)).isEqualTo(naive.charge.get(id));
        }
        runsCompared++;
      }
    }
    assertThat(runsCompared).isEqualTo(360);
  }

  @Test
  void spikesAppliedTogetherAtOneTimeAreDeliveredInTheOrderApplied() {
    // floating point: (0.1 + 0.2) + 0.3 = 0.6000000000000001 but (0.2 + 0.3) + 0.1 = 0.6, and
    // (0.3 + 0.1) + 0.2 = 0.6000000000000001 but (0.3 + 0.2) + 0.1 = 0.6: the potential tells the
    // order of the sum, far ahead as near. x is applied in time order, a and b after a spike at a
    // later time (the store's tail): {0.1, 0.2, 0.3} checks that the sorted spikes come first,
    // {0.3, 0.1, 0.2} that the tail keeps the order applied
    ProcParams f = ProcParams.preset("RISP-F").withLeakMode(LeakMode.NONE);
    Network net = new Network(f);
    net.addNeuron(0, 1.0);
    net.addInput(0);
    net.addOutput(0);
    Processor p = new Processor(net);
    for (double[] xab : new double[][] {{0.1, 0.2, 0.3}, {0.3, 0.1, 0.2}}) {
      for (int time : new int[] {2, 500}) {
        for (boolean wide : new boolean[] {false, true}) {
          p.clearActivity();
          p.applySpike(0, time, xab[0]);
          p.applySpike(0, time + 1, 0.5);
          p.applySpike(0, time + 100_000, 0.5); // in time order: still sorted
          p.applySpike(0, time, xab[1]); // out of order from here: the store's tail
          p.applySpike(0, time, xab[2]);
          if (wide) {
            p.applySpike(0, time + 5000, 0.5); // a tail spanning 5,000 timesteps: comparison sort
          }
          p.run(time + 1);
          assertThat(p.potential(0))
              .as("%s at %d, wide %s", Arrays.toString(xab), time, wide)
              .isEqualTo((xab[0] + xab[1]) + xab[2]);
        }
      }
    }
  }

  @Test
  void memoryDoesNotGrowWithHowFarAheadInputIsApplied() {
    Network net = randomNetwork(new SplittableRandom(3), ProcParams.preset("RISP-7"), 200);
    Processor p = new Processor(net);
    long slotBound = p.wheelSlots() * Math.max(64, 2L * (net.synapseCount() + 4));
    assertThat(p.wheelSlots()).isEqualTo(16); // max delay 15

    long[] wheel = new long[3];
    long[] far = new long[3];
    int[] horizons = {100, 10_000, 1_000_000};
    for (int h = 0; h < horizons.length; h++) {
      p.clearActivity();
      // the same 1,000 spikes, spread over 100 to 1,000,000 timesteps
      for (int s = 0; s < 1000; s++) {
        p.applySpike(s % 4, (int) ((long) s * horizons[h] / 1000), 1.0);
      }
      wheel[h] = p.wheelCapacity();
      far[h] = p.farCapacity();
      p.run(horizons[h]);
      wheel[h] = Math.max(wheel[h], p.wheelCapacity());
    }
    assertThat(Arrays.stream(wheel).max().getAsLong()).isLessThanOrEqualTo(slotBound);
    assertThat(far[1]).isEqualTo(far[0]);
    assertThat(far[2]).isEqualTo(far[0]).isLessThanOrEqualTo(2048);

    // one spike a million timesteps ahead costs one entry, not a million slots
    p = new Processor(net);
    p.applySpike(0, 1_000_000, 1.0);
    assertThat(p.wheelSlots()).isEqualTo(16);
    assertThat(p.farCapacity()).isLessThanOrEqualTo(64);

    // a clear after a burst of far-ahead input gives the memory back
    p.clearActivity();
    for (int s = 0; s < 100_000; s++) {
      p.applySpike(0, 20 + s, 1.0);
    }
    assertThat(p.farCapacity()).isGreaterThanOrEqualTo(100_000);
    p.clearActivity();
    p.clearActivity();
    assertThat(p.farCapacity()).isLessThanOrEqualTo(64);
    assertThat(p.wheelCapacity()).isLessThanOrEqualTo(slotBound);
  }
}
