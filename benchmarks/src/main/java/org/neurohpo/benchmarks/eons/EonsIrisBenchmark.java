package org.neurohpo.benchmarks.eons;

import java.util.concurrent.TimeUnit;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.eons.GenerationListener;
import org.neurohpo.neuro.evaluation.Evaluation;
import org.neurohpo.neuro.hp.HyperParameterSet;
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
 * One whole evaluation run on iris with the default HPs (split, encode, EONS with population 100
 * for up to 100 generations, test), wall seconds per run, on all cores. The seed varies with {@code
 * seed} because runs stop early when training accuracy reaches 100 %.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EonsIrisBenchmark {
  @Param({"1", "2", "3", "4", "5"})
  public long seed;

  private Evaluation evaluation;

  @Setup
  public void setUp() {
    Dataset iris = Datasets.load("iris");
    evaluation = Evaluation.prepare(iris, HyperParameterSet.defaults());
  }

  @Benchmark
  public double irisRunWithDefaults() throws InterruptedException {
    return evaluation
        .run(seed, Runtime.getRuntime().availableProcessors(), GenerationListener.NONE)
        .testAccuracy();
  }
}
