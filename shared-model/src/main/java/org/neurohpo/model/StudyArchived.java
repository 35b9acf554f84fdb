package org.neurohpo.model;

import java.util.List;

/**
 * An ended study, whole: its creation, its end and its completed trials, written by the results
 * service on {@link Topics#ARCHIVE} (compacted, kept forever) once the study ended and again for
 * each trial that reports after a stop. It is what survives the live topics' retention and what a
 * restarted service reads instead of the study's every event. A study with many trials is written
 * in {@code parts} records (keys {@code studyId} for part 0, {@code studyId#k} for the others),
 * each with its share of the trials and the same creation and end.
 *
 * @param completed the study's completion; null when it was stopped
 * @param stopped the study's stop; null when it completed
 * @param pending trials requested and not completed when it was written (a stopped study's trials
 *     in flight, which may still report): empty when the study is whole
 * @param pruned trials its scheduler pruned (issue 17); empty without a scheduler and in a record
 *     written before schedulers (null there, read as empty)
 */
public record StudyArchived(
    int schemaVersion,
    String studyId,
    StudyCreated created,
    StudyCompleted completed,
    StudyStopped stopped,
    List<TrialCompleted> trials,
    List<Integer> pending,
    int part,
    int parts,
    List<Integer> pruned)
    implements Event {
  public StudyArchived {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    if (created == null || !created.studyId().equals(studyId)) {
      throw new IllegalArgumentException("created must be the StudyCreated of " + studyId);
    }
    if ((completed == null) == (stopped == null)) {
      throw new IllegalArgumentException("exactly one of completed and stopped must be given");
    }
    if ((completed != null && !completed.studyId().equals(studyId))
        || (stopped != null && !stopped.studyId().equals(studyId))) {
      throw new IllegalArgumentException("the end must be of " + studyId);
    }
    trials = Checks.list("trials", trials);
    pending = Checks.list("pending", pending);
    pruned = pruned == null ? List.of() : List.copyOf(pruned);
    for (TrialCompleted t : trials) {
      if (!t.studyId().equals(studyId)) {
        throw new IllegalArgumentException("every trial must be of " + studyId);
      }
    }
    if (parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException("part must be in [0, parts) and parts at least 1");
    }
  }

  /** An archive record of a study without pruned trials. */
  public StudyArchived(
      int schemaVersion,
      String studyId,
      StudyCreated created,
      StudyCompleted completed,
      StudyStopped stopped,
      List<TrialCompleted> trials,
      List<Integer> pending,
      int part,
      int parts) {
    this(schemaVersion, studyId, created, completed, stopped, trials, pending, part, parts, null);
  }

  /** The record key of this part. */
  public String key() {
    return part == 0 ? studyId : studyId + "#" + part;
  }

  /** The end event: the completion, or the stop. */
  public Event end() {
    return completed != null ? completed : stopped;
  }

  /** Bytes of trial JSON per record at most (a record must stay well under Kafka's 1 MB). */
  public static final int PART_BYTES = 400_000;

  /** Whether nothing more can come of the study: no trial of it is still out. */
  public boolean whole() {
    return pending.isEmpty();
  }

  /**
   * The archive records of an ended study: its trials (by trial number) spread over as many parts
   * as keep each under {@link #PART_BYTES} of trial JSON, each with the trials still out and the
   * trials pruned.
   */
  public static List<StudyArchived> of(
      StudyCreated created,
      Event end,
      List<TrialCompleted> trials,
      List<Integer> pending,
      List<Integer> pruned) {
    List<TrialCompleted> sorted =
        trials.stream()
            .sorted(java.util.Comparator.comparingInt(TrialCompleted::trialNumber))
            .toList();
    List<List<TrialCompleted>> chunks = new java.util.ArrayList<>();
    List<TrialCompleted> chunk = new java.util.ArrayList<>();
    int bytes = 0;
    for (TrialCompleted t : sorted) {
      int size = EventCodec.encode(t).length();
      if (!chunk.isEmpty() && bytes + size > PART_BYTES) {
        chunks.add(chunk);
        chunk = new java.util.ArrayList<>();
        bytes = 0;
      }
      chunk.add(t);
      bytes += size;
    }
    chunks.add(chunk);
    StudyCompleted c = end instanceof StudyCompleted sc ? sc : null;
    StudyStopped s = end instanceof StudyStopped ss ? ss : null;
    List<StudyArchived> out = new java.util.ArrayList<>();
    for (int k = 0; k < chunks.size(); k++) {
      out.add(
          new StudyArchived(
              Event.SCHEMA_VERSION,
              created.studyId(),
              created,
              c,
              s,
              chunks.get(k),
              pending,
              k,
              chunks.size(),
              pruned));
    }
    return out;
  }
}
