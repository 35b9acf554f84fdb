package org.neurohpo.model;

import java.time.Instant;

/**
 * A study was created; the optimizer will publish its trials.
 *
 * @param owner who created it (the authenticated principal); only the owner or an admin may stop
 *     it. Null for studies written before owners were recorded: only an admin may stop those.
 */
public record StudyCreated(
    int schemaVersion, String studyId, StudySpec spec, Instant createdAt, String owner)
    implements Event {
  public StudyCreated {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    if (owner != null && (owner.isBlank() || owner.length() > 200)) {
      throw new IllegalArgumentException("owner must be 1-200 characters when given");
    }
  }

  /** A study with no recorded owner. */
  public StudyCreated(int schemaVersion, String studyId, StudySpec spec, Instant createdAt) {
    this(schemaVersion, studyId, spec, createdAt, null);
  }
}
