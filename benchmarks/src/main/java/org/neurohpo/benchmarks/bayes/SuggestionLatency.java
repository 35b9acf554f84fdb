package org.neurohpo.benchmarks.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.Observation;

/**
 * The latency of every single GP-BO suggestion (ask + tell) of a study past {@code start}
 * observations, at the pace of evaluators that return a result every {@code paceMs}: the worst case
 * matters here, not the average, since one slow suggestion idles every evaluator. Not JMH: it
 * prints each call's time and the median and maximum.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * org.neurohpo.benchmarks.bayes.SuggestionLatency 480 70 700}
 */
public final class SuggestionLatency {

  private SuggestionLatency() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: SuggestionLatency START_OBSERVATIONS SUGGESTIONS PACE_MS");
      System.exit(2);
    }
    int start = Integer.parseInt(args[0]);
    int suggestions = Integer.parseInt(args[1]);
    long pace = Long.parseLong(args[2]);
    SearchSpace space = SpaceJson.parse(AskTellBenchmark.HARTMANN6_JSON);
    BayesianStrategy strategy = new BayesianStrategy(space, 0, BayesOptions.forStudy(6, 0));
    SplittableRandom rng = new SplittableRandom(start);
    List<Observation> warm = new ArrayList<>();
    for (int i = 0; i < start; i++) {
      Map<String, Object> p = space.sample(rng);
      warm.add(new Observation(null, p, AskTellBenchmark.hartmann6(p)));
    }
    long t0 = System.nanoTime();
    strategy.tell(warm);
    strategy.ask(1).forEach(c -> strategy.tell(List.of(observe(c))));
    System.out.printf("first model at %d observations: %d ms%n", start, ms(t0));
    long[] t = new long[suggestions];
    for (int i = 0; i < suggestions; i++) {
      Thread.sleep(pace);
      long s = System.nanoTime();
      Candidate c = strategy.ask(1).get(0);
      strategy.tell(List.of(observe(c)));
      t[i] = ms(s);
    }
    System.out.println("per suggestion (ms): " + Arrays.toString(t));
    long[] sorted = t.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%d suggestions from %d observations: median %d ms, max %d ms%n",
        suggestions, start + 1, sorted[sorted.length / 2], sorted[sorted.length - 1]);
  }

  private static Observation observe(Candidate c) {
    return new Observation(c.id(), c.params(), AskTellBenchmark.hartmann6(c.params()));
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
