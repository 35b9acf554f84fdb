package org.neurohpo.model;

/** Every topic name, in one place. */
public final class Topics {
  /** Optimizer to evaluators: {@link TrialRequested}. */
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

  /** Suffix of a topic's dead-letter topic; the reason travels in record headers. */
  public static final String DLQ_SUFFIX = ".dlq";

  private Topics() {}

  /** The dead-letter topic of {@code topic}, e.g. {@code neurohpo.trials.v1.dlq}. */
  public static String deadLetter(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
