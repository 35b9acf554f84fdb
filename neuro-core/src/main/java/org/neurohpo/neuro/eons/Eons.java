package org.neurohpo.neuro.eons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;

/** Evolves networks of a fixed shape (inputs, outputs) for a fitness; see the package doc. */
public final class Eons {
  private final EonsParams params;
  private final Variation variation;

  /**
   * @param params the EONS hyperparameters
   * @param hardware the processor the networks must fit
   * @param numInputs input neurons of every network
   * @param numOutputs output neurons of every network
   */
  public Eons(EonsParams params, ProcParams hardware, int numInputs, int numOutputs) {
    if (numInputs < 1 || numOutputs < 1) {
      throw new IllegalArgumentException(
          "a network needs at least one input and one output, got "
              + numInputs
              + " and "
              + numOutputs);
    }
    this.params = params;
    this.variation = new Variation(params, hardware, numInputs, numOutputs);
  }

  /**
   * Runs EONS. {@code fitness} is called once per worker thread to create that thread's evaluator.
   * The result depends on {@code seed} only, not on {@code threads}.
   */
  public EonsResult evolve(
      Supplier<Fitness> fitness, long seed, int threads, GenerationListener listener)
      throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int size = params.populationSize();
    List<Network> population = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      population.add(variation.random(rng));
    }
    double[] scores = new double[size];
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Eons::daemon) : null;
    try (FitnessPool evaluator = new FitnessPool(fitness, threads, pool)) {
      evaluator.evaluate(population, scores, 0);
      long evaluations = size;
      double[] history = new double[params.generations()];
      int generationsRun = 0;
      Integer[] order = rank(population, scores);
      for (int g = 0; g < params.generations(); g++) {
        if (Thread.interrupted()) {
          throw new InterruptedException("EONS interrupted");
        }
        List<Network> next = new ArrayList<>(size);
        double[] nextScores = new double[size];
        int elites = Math.min(params.numBest(), size);
        for (int e = 0; e < elites; e++) {
          next.add(population.get(order[e]));
          nextScores[e] = scores[order[e]];
        }
        int immigrants = (int) Math.round(params.randomFactor() * size);
        for (int r = 0; r < immigrants && next.size() < size; r++) {
          next.add(variation.random(rng));
        }
        while (next.size() < size) {
          next.add(child(population, order, rng));
        }
        evaluator.evaluate(next, nextScores, elites);
        evaluations += size - elites;
        population = next;
        scores = nextScores;
        order = rank(population, scores);
        history[g] = scores[order[0]];
        generationsRun = g + 1;
        listener.generationDone(g + 1, params.generations(), history[g]);
        if (history[g] >= 1.0) {
          break;
        }
      }
      return new EonsResult(
          population.get(order[0]).copy(),
          scores[order[0]],
          Arrays.copyOf(history, generationsRun),
          evaluations);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private Network child(List<Network> population, Integer[] order, SplittableRandom rng) {
    Network p1 = population.get(tournament(order, rng));
    double r = rng.nextDouble();
    Network child;
    if (r < params.crossoverRate()) {
      child = variation.crossover(p1, population.get(tournament(order, rng)), rng);
    } else if (r < params.crossoverRate() + params.mergeRate()) {
      child = variation.merge(p1, population.get(tournament(order, rng)));
    } else {
      child = p1.copy();
    }
    if (rng.nextDouble() < params.mutationRate()) {
      variation.mutate(child, rng);
    }
    return child;
  }

  /** Index (into the population) of the tournament's winner. */
  private int tournament(Integer[] order, SplittableRandom rng) {
    int size = order.length;
    int k = Math.max(1, (int) Math.round(params.tournamentSizeFactor() * size));
    int[] ranks = new int[k];
    for (int i = 0; i < k; i++) {
      ranks[i] = rng.nextInt(size);
    }
    Arrays.sort(ranks);
    for (int i = 0; i < k - 1; i++) {
      if (rng.nextDouble() < params.tournamentBestNetFactor()) {
        return order[ranks[i]];
      }
    }
    return order[ranks[k - 1]];
  }

  /** Positions sorted best first: fitness descending, then smaller networks, then position. */
  static Integer[] rank(List<Network> population, double[] scores) {
    Integer[] order = new Integer[population.size()];
    int[] sizes = new int[population.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      sizes[i] = population.get(i).neuronCount() + population.get(i).synapseCount();
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -scores[i])
            .thenComparingInt(i -> sizes[i])
            .thenComparingInt(i -> i));
    return order;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "eons-fitness");
    t.setDaemon(true);
    return t;
  }

  /** Evaluates networks on a fixed set of workers, each with its own fitness instance. */
  private static final class FitnessPool implements AutoCloseable {
    private final Fitness[] workers;
    private final ExecutorService pool;

    FitnessPool(Supplier<Fitness> factory, int threads, ExecutorService pool) {
      this.workers = new Fitness[threads];
      for (int i = 0; i < threads; i++) {
        workers[i] = factory.get();
      }
      this.pool = pool;
    }

    /** Scores networks {@code from .. size-1} into {@code scores}, by position. */
    void evaluate(List<Network> networks, double[] scores, int from) throws InterruptedException {
      if (pool == null) {
        for (int i = from; i < networks.size(); i++) {
          scores[i] = workers[0].evaluate(networks.get(i));
        }
        return;
      }
      AtomicInteger next = new AtomicInteger(from);
      List<Future<?>> running = new ArrayList<>(workers.length);
      for (Fitness worker : workers) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < networks.size();
                      i = next.getAndIncrement()) {
                    scores[i] = worker.evaluate(networks.get(i));
                  }
                }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException("fitness evaluation failed", cause);
        }
      }
    }

    @Override
    public void close() {}
  }
}
