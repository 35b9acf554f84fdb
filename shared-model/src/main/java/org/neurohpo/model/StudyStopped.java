package org.neurohpo.model;

import java.time.Instant;

/** A user stopped a study; trials in flight may still report, nothing new is published. */
public record StudyStopped(int schemaVersion, String studyId, String reason, Instant stoppedAt)
    implements Event {
  public StudyStopped {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    reason = Checks.nonBlank("reason", reason);
  }
}
