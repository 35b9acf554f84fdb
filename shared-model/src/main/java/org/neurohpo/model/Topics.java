package org.neurohpo.model;

import java.util.List;
import java.util.Map;

/**
 * Every topic name, in one place, and which events belong on each: a consumer applies an event only
 * on its own topic ({@link EventCodec#decodeOn}), so a valid event on the wrong topic is
 * dead-lettered, never applied.
 */
public final class Topics {
  /**
   * Optimizer to evaluators: {@link TrialRequested}, and {@link TrialPruned} for a scheduled
   * study's trial that its scheduler ruled out.
   */
  public static final String TRIALS = "neurohpo.trials.v1";

  /** Evaluators to results: {@link RunEvaluated} and {@link RunFailed}. */
  public static final String EVALUATIONS = "neurohpo.evaluations.v1";

  /** Results to optimizer and external tools: {@link TrialCompleted}. */
  public static final String RESULTS = "neurohpo.results.v1";

  /**
   * Optimizer to anyone, compacted: {@link StudyCreated}, {@link StudyCompleted}, {@link
   * StudyStopped}.
   */
  public static final String STUDIES = "neurohpo.studies.v1";

  /**
   * The optimizer's API to evaluators, compacted and kept forever: {@link DatasetRegistered}, keyed
   * by the data set's id. Not a study topic: its records belong to no study.
   */
  public static final String DATASETS = "neurohpo.datasets.v1";

  /**
   * The results service to anyone, compacted and kept forever: {@link StudyArchived}, an ended
   * study whole (creation, end, every trial), keyed by study id (and {@code #k} for further parts).
   * What outlives the retention of the other topics, and what a restart reads of ended studies.
   */
  public static final String ARCHIVE = "neurohpo.archive.v1";

  /** Suffix of a topic's dead-letter topic; the reason travels in record headers. */
  public static final String DLQ_SUFFIX = ".dlq";

  private static final Map<String, List<Class<? extends Event>>> CONTRACT =
      Map.of(
          TRIALS, List.of(TrialRequested.class, TrialPruned.class),
          EVALUATIONS, List.of(RunEvaluated.class, RunFailed.class),
          RESULTS, List.of(TrialCompleted.class),
          STUDIES, List.of(StudyCreated.class, StudyCompleted.class, StudyStopped.class),
          ARCHIVE, List.of(StudyArchived.class));

  private Topics() {}

  /** The event types that belong on {@code topic}; empty for a topic that is not one of these. */
  public static List<Class<? extends Event>> eventsOn(String topic) {
    return CONTRACT.getOrDefault(topic, List.of());
  }

  /** Whether {@code event} belongs on {@code topic}. */
  public static boolean belongsOn(String topic, Event event) {
    return eventsOn(topic).contains(event.getClass());
  }

  /** The dead-letter topic of {@code topic}, e.g. {@code neurohpo.trials.v1.dlq}. */
  public static String deadLetter(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
