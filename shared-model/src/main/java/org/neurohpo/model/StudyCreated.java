package org.neurohpo.model;

import java.time.Instant;

/** A study was created; the optimizer will publish its trials. */
public record StudyCreated(int schemaVersion, String studyId, StudySpec spec, Instant createdAt)
    implements Event {
  public StudyCreated {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
  }
}
