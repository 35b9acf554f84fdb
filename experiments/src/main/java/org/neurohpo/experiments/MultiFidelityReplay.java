package org.neurohpo.experiments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neurohpo.bayes.fidelity.Asha;
import org.neurohpo.bayes.fidelity.FullFidelity;
import org.neurohpo.bayes.fidelity.Hyperband;
import org.neurohpo.bayes.fidelity.Job;
import org.neurohpo.bayes.fidelity.Ladder;
import org.neurohpo.bayes.fidelity.ModelProposer;
import org.neurohpo.bayes.fidelity.RandomProposer;
import org.neurohpo.bayes.fidelity.Scheduler;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.RandomStrategy;

/**
 * Replays search strategies, with and without early stopping, on a measured grid instead of running
 * EONS: "k runs of set s" are k of the set's measured runs drawn without replacement, in an order
 * fixed by the optimizer seed and the set (every strategy with the same optimizer seed sees the
 * same runs of a set, in the same order; a promoted trial keeps its runs and gets the next ones).
 * The objective told to a strategy is {@code 1 - mean accuracy} over the trial's runs: their
 * validation accuracy where the grid measured it (every set, run by run; issue 15), else their test
 * accuracy (grids measured before validation existed); a recommendation is judged by the set's grid
 * mean test accuracy either way. {@code workers} workers: a free worker asks the scheduler for a
 * job, a job of r runs takes r time units, results arrive in order of finishing (ties: first
 * started first); with one worker jobs run one after another. Runs spent count every started run;
 * no job starts past the budget.
 *
 * <p>Full-fidelity GP-BO knows its budget (its last tenth may re-run near-tied incumbents), so it
 * is replayed once per budget; with one worker every other strategy is anytime and is replayed once
 * at the largest budget, its recommendation read after each job. With several workers a budgeted
 * run lets its last jobs finish while an anytime run would start more, so then every strategy is
 * replayed once per budget. A set whose measured runs are used up (only by GP-BO's re-runs on a
 * grid with few runs per set) starts its order again.
 */
public final class MultiFidelityReplay {

  /** Strategies the replay knows, in report order. */
  public static final List<String> STRATEGIES =
      List.of("bo", "random", "asha-random", "asha-bo", "hyperband", "hyperband-bo");

  /**
   * Ladder and full fidelity (rungs {@code min * eta^k} below {@code max} runs, then max) and the
   * number of workers evaluating side by side.
   */
  public record Settings(int minRuns, int maxRuns, int eta, int workers) {
    public Settings {
      Ladder.geometric(minRuns, maxRuns, eta); // validates
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + workers);
      }
    }

    public Ladder ladder() {
      return Ladder.geometric(minRuns, maxRuns, eta);
    }
  }

  /** What one strategy with one optimizer seed recommends within a budget of runs. */
  public record Outcome(
      String strategy,
      int budget,
      long seed,
      int runsSpent,
      int trials,
      String set,
      int gridRank,
      double gridMean,
      boolean asGoodAsBest) {}

  private final Grid grid;
  private final SearchSpace space;
  private final Settings settings;
  private final double alpha;
  private final Map<String, Integer> index = new HashMap<>();
  private final boolean onValidation;

  public MultiFidelityReplay(Grid grid, Settings settings, double alpha) {
    this.grid = grid;
    this.onValidation =
        grid.ranked().stream().allMatch(c -> c.validationRuns().length == c.runs().length);
    this.space = SpaceJson.fromNode(grid.study().spec().path("searchSpace"));
    this.settings = settings;
    this.alpha = alpha;
    for (int i = 0; i < grid.ranked().size(); i++) {
      index.put(grid.ranked().get(i).key(), i);
    }
  }

  public Grid grid() {
    return grid;
  }

  /** Whether strategies are told the runs' validation accuracy (else their test accuracy). */
  public boolean selectsOnValidation() {
    return onValidation;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Every strategy with optimizer seeds 1..seeds at every budget (runs), on {@code threads}
   * threads; the rows come in the order strategy, seed, budget whatever the thread count.
   */
  public List<Outcome> run(List<String> strategies, int seeds, List<Integer> budgets, int threads)
      throws InterruptedException {
    List<java.util.concurrent.Callable<List<Outcome>>> tasks = new ArrayList<>();
    int largest = budgets.stream().mapToInt(Integer::intValue).max().orElseThrow();
    for (String s : strategies) {
      for (long seed = 1; seed <= seeds; seed++) {
        long sd = seed;
        if (s.equals("bo") || settings.workers() > 1) {
          tasks.add(
              () -> {
                List<Outcome> out = new ArrayList<>();
                for (int b : budgets) {
                  out.add(read(s, sd, b, replay(scheduler(s, sd, b), sd, b)));
                }
                return out;
              });
        } else {
          tasks.add(
              () -> {
                Trace t = replay(scheduler(s, sd, largest), sd, largest);
                return budgets.stream().map(b -> read(s, sd, b, t)).toList();
              });
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Outcome> out = new ArrayList<>();
      for (Future<List<Outcome>> f : pool.invokeAll(tasks)) {
        out.addAll(f.get());
      }
      return out;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("replay failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A fresh scheduler for a strategy, seed and budget (the budget matters to GP-BO only). */
  Scheduler scheduler(String strategy, long seed, int budget) {
    int max = settings.maxRuns();
    return switch (strategy) {
      case "bo" ->
          new FullFidelity(
              space,
              new BayesianStrategy(
                  space,
                  seed,
                  BayesOptions.forStudy(space.parameters().size(), Math.max(1, budget / max))),
              max);
      case "random" -> new FullFidelity(space, new RandomStrategy(space, seed, false), max);
      case "asha-random" -> new Asha(settings.ladder(), new RandomProposer(space, seed, false));
      case "asha-bo" -> new Asha(settings.ladder(), new ModelProposer(space, seed));
      case "hyperband" -> new Hyperband(settings.ladder(), new RandomProposer(space, seed, false));
      case "hyperband-bo" -> new Hyperband(settings.ladder(), new ModelProposer(space, seed));
      default ->
          throw new IllegalArgumentException(
              "unknown strategy '" + strategy + "' (" + String.join(", ", STRATEGIES) + ")");
    };
  }

  /** After each job: runs spent, trials started and the recommended set. */
  record Trace(int[] spent, int[] trials, String[] sets) {}

  /** Runs a scheduler on the grid's measured runs until the next job would exceed the budget. */
  Trace replay(Scheduler s, long seed, int budget) {
    RunOrder runs = new RunOrder(seed);
    Map<Integer, double[]> trialSums = new HashMap<>();
    java.util.PriorityQueue<Running> busy = new java.util.PriorityQueue<>();
    List<int[]> points = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    int spent = 0;
    long clock = 0;
    long seq = 0;
    boolean stopped = false;
    while (true) {
      while (!stopped && busy.size() < settings.workers()) {
        Optional<Job> next = s.next();
        if (next.isEmpty() || spent + next.get().newRuns() > budget) {
          stopped = next.isPresent() || busy.isEmpty();
          break;
        }
        Job j = next.get();
        int cell = cellOf(j.params());
        double[] sum = trialSums.computeIfAbsent(j.trial(), k -> new double[2]);
        for (int r = 0; r < j.newRuns(); r++) {
          sum[0] += runs.next(cell);
          sum[1]++;
        }
        spent += j.newRuns();
        busy.add(new Running(clock + j.newRuns(), seq++, j, 1 - sum[0] / sum[1]));
      }
      Running done = busy.poll();
      if (done == null) {
        break;
      }
      clock = done.finish();
      s.report(done.job(), done.value());
      points.add(new int[] {spent, trialSums.size()});
      sets.add(grid.ranked().get(cellOf(s.best().orElseThrow())).key());
    }
    return new Trace(
        points.stream().mapToInt(p -> p[0]).toArray(),
        points.stream().mapToInt(p -> p[1]).toArray(),
        sets.toArray(String[]::new));
  }

  /** A job on a worker: it ends at {@code finish} (a run takes one time unit), ties by start. */
  private record Running(long finish, long seq, Job job, double value)
      implements Comparable<Running> {
    @Override
    public int compareTo(Running o) {
      return finish != o.finish ? Long.compare(finish, o.finish) : Long.compare(seq, o.seq);
    }
  }

  /** The outcome at a budget: the state after the last job that fits in it. */
  Outcome read(String strategy, long seed, int budget, Trace t) {
    int last = -1;
    for (int i = 0; i < t.spent().length && t.spent()[i] <= budget; i++) {
      last = i;
    }
    if (last < 0) {
      return new Outcome(strategy, budget, seed, 0, 0, "", 0, Double.NaN, false);
    }
    Grid.Cell c = grid.cell(t.sets()[last]);
    return new Outcome(
        strategy,
        budget,
        seed,
        t.spent()[last],
        t.trials()[last],
        c.key(),
        c.rank(),
        c.mean(),
        grid.indistinguishableFromBest(c.key(), alpha));
  }

  /** The grid set a configuration is. */
  Grid.Cell cell(Map<String, Object> params) {
    return grid.ranked().get(cellOf(params));
  }

  /** Index (in rank order) of the grid set a configuration is. */
  private int cellOf(Map<String, Object> params) {
    Map<String, String> text = new LinkedHashMap<>();
    space.canonical(params).forEach((k, v) -> text.put(k, StudyResult.normal(String.valueOf(v))));
    String key = grid.study().key(text);
    Integer i = index.get(key);
    if (i == null) {
      throw new IllegalArgumentException(
          grid.study().dir() + ": the replay needs the set " + key + ", which the grid lacks");
    }
    return i;
  }

  /** Per set, its measured runs in an order fixed by the optimizer seed and the set. */
  private final class RunOrder {
    private final long seed;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Map<Integer, Integer> used = new HashMap<>();

    RunOrder(long seed) {
      this.seed = seed;
    }

    double next(int cell) {
      Grid.Cell set = grid.ranked().get(cell);
      double[] measured = onValidation ? set.validationRuns() : set.runs();
      int[] order = orders.computeIfAbsent(cell, c -> permutation(measured.length, c));
      int u = used.merge(cell, 1, Integer::sum) - 1;
      return measured[order[u % order.length]];
    }

    private int[] permutation(int n, int cell) {
      SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + cell);
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rng.nextInt(i + 1);
        int x = p[i];
        p[i] = p[k];
        p[k] = x;
      }
      return p;
    }
  }
}
