package org.neurohpo.results.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;

/**
 * One line per study for the dashboard's study list: what it searches, how far it is and the best
 * so far, kept up to date from the study's events. Thread-safe.
 */
public final class StudyIndex {

  /**
   * A study at a glance. {@code status} is running, completed or stopped; {@code name}, {@code
   * strategy} and {@code budget} are null or 0 when the study's creation was not seen (a study
   * created before the topics' retention, or trials sent by another tool); {@code best*} are null
   * until a trial completes. The best trial has the highest mean validation accuracy ({@link
   * TrialCompleted#best}: a set measured in several trials by all their runs); {@code
   * bestMeanValidationAccuracy} is also null when it was written before validation existed (schema
   * version 1). In a study with a scheduler the best trial is the best of the highest rung reached
   * ({@link TrialCompleted#BY_RECOMMENDATION}) and {@code trialsPruned} counts the trials its
   * scheduler pruned (0 without one).
   */
  public record Overview(
      String studyId,
      String name,
      String dataset,
      String strategy,
      String status,
      int budget,
      int trialsRequested,
      int trialsDone,
      Integer bestTrialNumber,
      Double bestMeanValidationAccuracy,
      Double bestMeanTestAccuracy,
      Instant createdAt,
      Instant endedAt,
      String reason,
      int trialsPruned) {}

  /**
   * A study's overview, its spec (null when its creation was not seen), its best trial and the
   * trials its scheduler pruned (ascending; empty without a scheduler).
   */
  public record Detail(
      Overview overview, StudySpec spec, TrialCompleted best, List<Integer> pruned) {}

  private static final class Entry {
    final String studyId;
    final Set<Integer> requested = new HashSet<>();
    final Set<Integer> done = new HashSet<>();
    final Set<Integer> pruned = new HashSet<>();
    StudySpec spec;
    String dataset;
    String status = "running";
    TrialCompleted best;
    Instant createdAt;
    Instant endedAt;
    String reason;

    Entry(String studyId) {
      this.studyId = studyId;
    }

    Overview overview() {
      return new Overview(
          studyId,
          spec == null ? null : spec.name(),
          spec != null ? spec.dataset() : dataset,
          spec == null ? null : spec.strategy(),
          status,
          spec == null ? 0 : spec.budget(),
          requested.size(),
          done.size(),
          best == null ? null : best.trialNumber(),
          best == null ? null : best.meanValidationAccuracy(),
          best == null ? null : best.meanTestAccuracy(),
          createdAt,
          endedAt,
          reason,
          pruned.size());
    }

    /**
     * Whether anything but its end was seen: an end alone (of a study whose other events are not
     * read yet, or a stray event) lists no study.
     */
    boolean seen() {
      return spec != null || !requested.isEmpty() || !done.isEmpty();
    }

    /**
     * Each HP set of a study without a scheduler, its trials pooled ({@link TrialCompleted#pooled}:
     * GP-BO may measure a set again); as many entries as the study's distinct completed sets.
     */
    final Map<Map<String, Object>, TrialCompleted> sets = new HashMap<>();

    /** Whether {@code t} beats the best so far by {@link TrialCompleted#BY_RECOMMENDATION}. */
    boolean better(TrialCompleted t) {
      return best == null || TrialCompleted.BY_RECOMMENDATION.compare(t, best) > 0;
    }

    /**
     * Takes a newly completed trial of a study without a scheduler: pools it with its set's earlier
     * trials and picks the best set again (a re-run may have pulled the best one down).
     */
    void pool(TrialCompleted t) {
      sets.merge(t.params(), t, (was, now) -> TrialCompleted.pooled(List.of(was, now)));
      best = TrialCompleted.best(sets.values()).orElse(null);
    }
  }

  private final Map<String, Entry> studies = new LinkedHashMap<>();
  private long version;

  /** Takes one event into account; repeated events (redeliveries) change nothing. */
  public synchronized void on(Event event) {
    Entry e = studies.computeIfAbsent(event.studyId(), Entry::new);
    if (event instanceof StudyCreated c) {
      e.spec = c.spec();
      e.createdAt = c.createdAt();
    } else if (event instanceof TrialRequested r) {
      e.dataset = r.dataset();
      if (!e.requested.add(r.trialNumber())) {
        return;
      }
    } else if (event instanceof TrialCompleted t) {
      // a scheduled study's trial completes again at a higher rung: it may become the best then
      boolean changed = e.done.add(t.trialNumber());
      if (t.rung() == null) {
        if (!changed) {
          return; // a redelivery: pooled once
        }
        e.pool(t);
      } else if (e.better(t)) {
        e.best = t;
        changed = true;
      }
      if (!changed) {
        return;
      }
    } else if (event instanceof TrialPruned p) {
      if (!e.pruned.add(p.trialNumber())) {
        return;
      }
    } else if (e.endedAt != null) {
      return; // a study ends once: a later end (a stray or forged event) changes nothing
    } else if (event instanceof StudyCompleted c) {
      e.status = "completed";
      e.endedAt = c.completedAt();
      e.reason = c.reason();
    } else if (event instanceof StudyStopped s) {
      e.status = "stopped";
      e.endedAt = s.stoppedAt();
      e.reason = s.reason();
    } else {
      return; // a run changes no overview figure
    }
    version++;
  }

  /** Lets a study go (an ended study past {@link Retention}'s limit). */
  public synchronized void forget(String studyId) {
    if (studies.remove(studyId) != null) {
      version++;
    }
  }

  /** Every study, newest first (by first event seen). */
  public synchronized List<Overview> overview() {
    List<Overview> all = new ArrayList<>();
    for (Entry e : studies.values()) {
      if (e.seen()) {
        all.add(0, e.overview());
      }
    }
    return all;
  }

  /** One study, or empty when none of its events but its end was seen. */
  public synchronized Optional<Detail> detail(String studyId) {
    Entry e = studies.get(studyId);
    return e == null || !e.seen()
        ? Optional.empty()
        : Optional.of(
            new Detail(e.overview(), e.spec, e.best, e.pruned.stream().sorted().toList()));
  }

  /** Grows with every change of an overview: a cheap test for "anything new?". */
  public synchronized long version() {
    return version;
  }
}
