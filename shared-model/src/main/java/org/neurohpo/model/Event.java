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
        RunEvaluated,
        RunFailed,
        TrialCompleted,
        StudyArchived {

  /** The schema version this code writes; readers accept this one and older. */
  int SCHEMA_VERSION = 1;

  int schemaVersion();

  /** The study the event belongs to; also the Kafka record key. */
  String studyId();
}
