package org.neurohpo.benchmarks.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.Observation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Optimizer time of one GP-BO ask+tell on Hartmann-6 after {@code observations} warm-start
 * observations (random points told at once), with the model already built, i.e. the steady-state
 * cost the bench harness's {@code overhead} command measures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AskTellBenchmark {

  static final String HARTMANN6_JSON =
      "[{\"name\":\"x0\",\"type\":\"float\",\"low\":0,\"high\":1},"
          + "{\"name\":\"x1\",\"type\":\"float\",\"low\":0,\"high\":1},"
          + "{\"name\":\"x2\",\"type\":\"float\",\"low\":0,\"high\":1},"
          + "{\"name\":\"x3\",\"type\":\"float\",\"low\":0,\"high\":1},"
          + "{\"name\":\"x4\",\"type\":\"float\",\"low\":0,\"high\":1},"
          + "{\"name\":\"x5\",\"type\":\"float\",\"low\":0,\"high\":1}]";
  private static final SearchSpace HARTMANN6 = SpaceJson.parse(HARTMANN6_JSON);
  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  @Param({"50", "200", "500", "1000"})
  public int observations;

  private BayesianStrategy strategy;

  static double hartmann6(Map<String, ?> p) {
    double tot = 0;
    for (int i = 0; i < 4; i++) {
      double e = 0;
      for (int j = 0; j < 6; j++) {
        double x = ((Number) p.get("x" + j)).doubleValue();
        e += A[i][j] * Math.pow(x - 1e-4 * P[i][j], 2);
      }
      tot -= ALPHA[i] * Math.exp(-e);
    }
    return tot;
  }

  @Setup(Level.Invocation)
  public void warmStart() {
    strategy = new BayesianStrategy(HARTMANN6, 0, BayesOptions.forStudy(6, 0));
    SplittableRandom rng = new SplittableRandom(observations);
    List<Observation> warm = new ArrayList<>();
    for (int i = 0; i < observations; i++) {
      Map<String, Object> p = HARTMANN6.sample(rng);
      warm.add(new Observation(null, p, hartmann6(p)));
    }
    strategy.tell(warm);
    askTell();
  }

  @Benchmark
  public BayesianStrategy askTell() {
    Candidate c = strategy.ask(1).get(0);
    strategy.tell(List.of(new Observation(c.id(), c.params(), hartmann6(c.params()))));
    return strategy;
  }
}
