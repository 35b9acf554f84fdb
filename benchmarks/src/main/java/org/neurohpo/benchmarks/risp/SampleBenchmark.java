package org.neurohpo.benchmarks.risp;

import java.util.concurrent.TimeUnit;
import org.neurohpo.risp.LeakMode;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;
import org.neurohpo.risp.Processor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-sample cost inside EONS' fitness loop: a tiny network (10 neurons, 20 synapses, RISP-7,
 * no leak), clear, apply 20 input spikes, run 50 timesteps. Nanoseconds per sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SampleBenchmark {
  private Processor processor;
  private final int[] inputs = new int[20];
  private final int[] times = new int[20];
  private final double[] values = new double[20];

  @Setup
  public void setUp() {
    Network net = ProcessorBenchmark.randomNetwork(10, 20, 7L);
    Network copy = new Network(ProcParams.preset("RISP-7").withLeakMode(LeakMode.NONE));
    for (long id : net.neuronIds()) {
      copy.addNeuron(id, net.threshold(id));
    }
    net.synapses().forEach(s -> copy.addSynapse(s.from(), s.to(), s.weight(), s.delay()));
    copy.addInput(0);
    copy.addOutput(9);
    processor = new Processor(copy);
    for (int i = 0; i < 20; i++) {
      times[i] = i;
      values[i] = 1.0;
    }
  }

  @Benchmark
  public int clearApplyRun() {
    processor.clearActivity();
    processor.applySpikes(inputs, times, values, 20);
    processor.run(50);
    return processor.outputCount(0);
  }
}
