package org.neurohpo.evaluator.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.eons.GenerationListener;
import org.neurohpo.neuro.evaluation.Evaluation;
import org.neurohpo.neuro.evaluation.RunResult;
import org.neurohpo.neuro.hp.HyperParameterSet;

/**
 * Evaluates one requested trial: one {@link RunEvaluated} per seed, or a {@link RunFailed} with the
 * reason (an unknown data set, an HP out of range, a crash, or the study stopped: a run of a
 * stopped study is not started, and one in progress ends at its next generation). Each carries the
 * request's {@code rung} (a scheduled study's). Plain Java, no Kafka.
 */
public final class TrialRunner {
  private final int threads;
  private final String evaluator;
  private final Function<String, Dataset> datasets;
  private final Predicate<String> stopped;

  /** A runner of the built-in data sets only, by name. */
  public TrialRunner(int threads, String evaluator) {
    this(threads, evaluator, Datasets::named);
  }

  public TrialRunner(int threads, String evaluator, Function<String, Dataset> datasets) {
    this(threads, evaluator, datasets, studyId -> false);
  }

  /**
   * @param datasets loads a trial's data set by its name or id; an IllegalArgumentException (one
   *     line) fails the trial's runs with that reason. It never opens a path.
   */
  /**
   * @param stopped whether a study was stopped: its runs are not started, or end at their next
   *     generation, as failures that say so
   */
  public TrialRunner(
      int threads,
      String evaluator,
      Function<String, Dataset> datasets,
      Predicate<String> stopped) {
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    this.evaluator = evaluator;
    this.datasets = datasets;
    this.stopped = stopped;
  }

  /** Ends a run whose study was stopped while it ran. */
  private static final class StudyStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StudyStopped(int generation) {
      super("study stopped: run ended after generation " + generation, null, false, false);
    }
  }

  /** The events to publish for {@code trial}, in seed order. */
  public List<Event> run(TrialRequested trial) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    Evaluation evaluation;
    try {
      // by name or id only: a study never makes an evaluator open a file
      Dataset data = datasets.apply(trial.dataset());
      evaluation = Evaluation.prepare(data, HyperParameterSet.of(trial.params()));
    } catch (IllegalArgumentException e) {
      for (long seed : trial.seeds()) {
        out.add(failed(trial, seed, e.getMessage()));
      }
      return out;
    }
    GenerationListener untilStopped =
        (g, n, best) -> {
          if (stopped.test(trial.studyId())) {
            throw new StudyStopped(g);
          }
        };
    for (long seed : trial.seeds()) {
      if (stopped.test(trial.studyId())) {
        out.add(failed(trial, seed, "study stopped: run not started"));
        continue;
      }
      try {
        RunResult r = evaluation.run(seed, threads, untilStopped);
        out.add(
            new RunEvaluated(
                Event.SCHEMA_VERSION,
                trial.studyId(),
                trial.trialNumber(),
                new RunFigures(
                    seed,
                    r.trainAccuracy(),
                    r.validationAccuracy(),
                    r.testAccuracy(),
                    r.neurons(),
                    r.synapses(),
                    r.spikesPerSample(),
                    r.synapseEventsPerSample(),
                    r.seconds()),
                evaluator,
                trial.rung()));
      } catch (StudyStopped e) {
        out.add(failed(trial, seed, e.getMessage()));
      } catch (RuntimeException e) {
        out.add(failed(trial, seed, e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return out;
  }

  private RunFailed failed(TrialRequested trial, long seed, String reason) {
    return new RunFailed(
        Event.SCHEMA_VERSION,
        trial.studyId(),
        trial.trialNumber(),
        seed,
        reason == null || reason.isBlank() ? "unknown error" : reason,
        evaluator,
        trial.rung());
  }
}
