package org.neurohpo.benchmarks.risp;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurohpo.risp.LeakMode;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;
import org.neurohpo.risp.Processor;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Synaptic events per second of the RISP processor on random RISP-7 networks with leak (mode all),
 * single-threaded. The {@code synapseEvents} counter is the figure to read (events/s): synapse
 * events delivered (integrated into a potential) during the {@code run(100)}. Events scheduled
 * during the run but due after its end, which the next clear discards, are not counted (they are in
 * {@code synapseEventsScheduled}, the figure of issue 2, about 10 % higher).
 *
 * <p>Networks: {@code neurons} neurons, {@code synapses} random synapses (weights in [-2, 7],
 * thresholds in [1, 4], delays in [1, 15]), the first 5 % of neurons are inputs driven by one spike
 * each per timestep, so activity is sustained. Fixed seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ProcessorBenchmark {

  @Param({"1000:10000", "10000:1000000"})
  public String shape;

  private Processor processor;
  private int[] inputs;
  private int[] times;
  private double[] values;
  private static final int STEPS = 100;

  /** JMH reports these as rates: synapseEvents/s is the throughput. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long synapseEvents;
    public long synapseEventsScheduled;
    public long neuronFires;

    @Setup(Level.Iteration)
    public void reset() {
      synapseEvents = 0;
      synapseEventsScheduled = 0;
      neuronFires = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    String[] parts = shape.split(":");
    int n = Integer.parseInt(parts[0]);
    int m = Integer.parseInt(parts[1]);
    Network net = randomNetwork(n, m, 12345L);
    processor = new Processor(net);
    int numInputs = net.inputs().size();
    inputs = new int[numInputs * STEPS];
    times = new int[numInputs * STEPS];
    values = new double[numInputs * STEPS];
    for (int t = 0, k = 0; t < STEPS; t++) {
      for (int i = 0; i < numInputs; i++, k++) {
        inputs[k] = i;
        times[k] = t;
        values[k] = 1.0;
      }
    }
  }

  static Network randomNetwork(int neurons, int synapses, long seed) {
    ProcParams hw = ProcParams.preset("RISP-7").withLeakMode(LeakMode.ALL);
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = new Network(hw);
    for (int i = 0; i < neurons; i++) {
      net.addNeuron(i, 1 + rng.nextInt(4));
    }
    for (int i = 0; i < neurons / 20; i++) {
      net.addInput(i);
    }
    for (int i = neurons - 10; i < neurons; i++) {
      net.addOutput(i);
    }
    int added = 0;
    while (added < synapses) {
      long from = rng.nextInt(neurons);
      long to = rng.nextInt(neurons);
      if (!net.hasSynapse(from, to)) {
        net.addSynapse(from, to, -2 + rng.nextInt(10), 1 + rng.nextInt(15));
        added++;
      }
    }
    return net;
  }

  @Benchmark
  public long run100Steps(Counters counters) {
    processor.clearActivity();
    processor.applySpikes(inputs, times, values, inputs.length);
    processor.run(STEPS);
    // every input spike is due within the run: the rest of the deliveries are synapse events
    long delivered = processor.eventsDelivered() - inputs.length;
    counters.synapseEvents += delivered;
    counters.synapseEventsScheduled += processor.synapseEvents();
    counters.neuronFires += processor.neuronFires();
    return delivered;
  }
}
