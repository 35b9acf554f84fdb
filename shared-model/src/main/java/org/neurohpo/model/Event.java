package org.neurohpo.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An event on one of the {@link Topics}; its JSON {@code type} field names the record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(StudyCreated.class),
  @JsonSubTypes.Type(StudyCompleted.class),
  @JsonSubTypes.Type(StudyStopped.class),
  @JsonSubTypes.Type(TrialRequested.class),
  @JsonSubTypes.Type(TrialPruned.class),
  @JsonSubTypes.Type(RunEvaluated.class),
  @JsonSubTypes.Type(RunFailed.class),
  @JsonSubTypes.Type(TrialCompleted.class),
  @JsonSubTypes.Type(StudyArchived.class)
})
public sealed interface Event
    permits StudyCreated,
        StudyCompleted,
        StudyStopped,
        TrialRequested,
        TrialPruned,
        RunEvaluated,
        RunFailed,
        TrialCompleted,
        StudyArchived {

  /**
   * The schema version this code writes; readers accept this one and older. Version 2 (issue 15)
   * added the validation figures: {@link RunFigures#validationAccuracy}, {@link
   * TrialCompleted#meanValidationAccuracy} and {@link TrialCompleted#stdValidationAccuracy}, {@link
   * StudyCompleted#bestMeanValidationAccuracy}. A version 1 record has none of them and decodes
   * with them null; a version 2 run or trial must carry them. Upgrade readers (results, optimizer,
   * external tools) before writers: a version 1 reader dead-letters a version 2 record.
   *
   * <p>Issue 17 (schedulers) added, without a new version since every addition is optional: {@link
   * StudySpec#scheduler}, {@link TrialRequested#rung}, {@link TrialCompleted#rung}, {@link
   * RunEvaluated#rung}, {@link RunFailed#rung} (null outside a scheduled study, so older records
   * decode unchanged) and the {@link TrialPruned} event on the trials topic. A reader from before
   * it ignores the rung fields and dead-letters a {@code TrialPruned}: upgrade evaluators and the
   * results service before the optimizer.
   */
  int SCHEMA_VERSION = 2;

  int schemaVersion();

  /** The study the event belongs to; also the Kafka record key. */
  String studyId();
}
