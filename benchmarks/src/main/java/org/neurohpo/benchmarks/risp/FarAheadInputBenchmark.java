package org.neurohpo.benchmarks.risp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import org.neurohpo.risp.Processor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Input applied far ahead: {@code ProcessorBenchmark}'s 1,000-neuron / 10,000-synapse network, its
 * 50 inputs driven every timestep for 5,000 timesteps (250,000 spikes), either all applied before
 * one {@code run(5000)} ({@code chunk} 5000) or 100 timesteps at a time before each {@code
 * run(100)} ({@code chunk} 100). The same simulation either way; milliseconds per 5,000 timesteps.
 * Memory: run with {@code -prof gc} for allocation, and {@link #main} for the peak and retained
 * heap of one such simulation in a fresh JVM (uses only the processor's public API of issue 2, so
 * it measures an older processor too when that one comes first on the class path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class FarAheadInputBenchmark {
  static final int STEPS = 5000;

  @Param({"5000", "100"})
  public int chunk;

  private Processor processor;
  private int[] inputs;
  private int[] times;
  private double[] values;
  private int perChunk;

  @Setup
  public void setUp() {
    processor = new Processor(ProcessorBenchmark.randomNetwork(1000, 10000, 12345L));
    int numInputs = processor.inputCount();
    perChunk = numInputs * chunk;
    inputs = new int[numInputs * STEPS];
    times = new int[inputs.length];
    values = new double[inputs.length];
    for (int t = 0, k = 0; t < STEPS; t++) {
      for (int i = 0; i < numInputs; i++, k++) {
        inputs[k] = i;
        times[k] = t % chunk; // relative to the start of the run that the chunk precedes
        values[k] = 1.0;
      }
    }
  }

  @Benchmark
  public long simulate() {
    processor.clearActivity();
    for (int offset = 0; offset < inputs.length; offset += perChunk) {
      processor.applySpikes(inputs, times, values, offset, perChunk);
      processor.run(chunk);
    }
    return processor.neuronFires();
  }

  /**
   * One simulation in this JVM: {@code java -Xmx4g -cp benchmarks.jar
   * org.neurohpo.benchmarks.risp.FarAheadInputBenchmark CHUNK}. Prints the wall time, the peak of
   * the heap pools (garbage included) and the heap still used after the simulation and a full GC,
   * with the processor alive, less that used before the processor was made.
   */
  public static void main(String[] args) {
    FarAheadInputBenchmark b = new FarAheadInputBenchmark();
    b.chunk = args.length > 0 ? Integer.parseInt(args[0]) : STEPS;
    long before = usedAfterGc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    b.setUp();
    long fires = b.simulate();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long retained = usedAfterGc() - before;
    System.out.printf(
        "chunk %d: %d fires, %d ms, peak heap %.1f MB, retained %.1f MB%n",
        b.chunk, fires, millis, peak / 1e6, retained / 1e6);
    if (b.processor.neuronFires() < 0) {
      throw new AssertionError(); // keeps the processor reachable for the retained figure
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
