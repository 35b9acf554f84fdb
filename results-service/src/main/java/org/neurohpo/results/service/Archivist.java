package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;

/**
 * Decides when an ended study is written to the archive topic: a completed study once every trial
 * its completion counts has completed here; a stopped one at its stop and again for each trial that
 * reports after it (the compacted topic keeps the last), with the trials still out. A study is
 * whole once it ended and no trial of it is out: a restarted service reads it from the archive and
 * skips its events on the live topics. Plain Java; thread-safe.
 */
public final class Archivist {
  private final Map<String, StudyCreated> created = new HashMap<>();
  private final Map<String, Event> ends = new HashMap<>();

  /** Trials requested, each with the highest rung it was requested at (-1 without a scheduler). */
  private final Map<String, Map<Integer, Integer>> requested = new HashMap<>();

  private final Map<String, Set<Integer>> pruned = new HashMap<>();
  private final Set<String> whole = new HashSet<>();
  private final Map<String, Integer> archivedTrials = new HashMap<>();

  /**
   * Takes a study's creation, trial request, end or completed trial; returns the archive records to
   * publish now (none, or every part of the study). {@code trials} gives a study's completed trials
   * so far.
   */
  public synchronized List<StudyArchived> on(
      Event e, Function<String, List<TrialCompleted>> trials) {
    String id = e.studyId();
    if (whole.contains(id)) {
      return List.of();
    }
    if (e instanceof StudyCreated c) {
      created.putIfAbsent(id, c);
    } else if (e instanceof TrialRequested r) {
      requested
          .computeIfAbsent(id, k -> new HashMap<>())
          .merge(r.trialNumber(), rung(r.rung()), Math::max);
      return List.of(); // a request never ends a study
    } else if (e instanceof TrialPruned p) {
      pruned.computeIfAbsent(id, k -> new TreeSet<>()).add(p.trialNumber());
    } else if (e instanceof StudyCompleted || e instanceof StudyStopped) {
      ends.putIfAbsent(id, e);
    } else if (!(e instanceof TrialCompleted)) {
      return List.of();
    }
    StudyCreated c = created.get(id);
    Event end = ends.get(id);
    if (c == null || end == null) {
      return List.of();
    }
    List<TrialCompleted> done = trials.apply(id);
    List<Integer> cut = List.copyOf(pruned.getOrDefault(id, Set.of()));
    if (end instanceof StudyCompleted sc
        && (done.size() < sc.trialsCompleted()
            || (sc.trialsPruned() != null && cut.size() < sc.trialsPruned()))) {
      return List.of(); // its last results (or prunes) are still on their way here
    }
    List<Integer> pending = pending(id, done);
    // a trial counts once per rung it completed, a prune once
    int progress = done.stream().mapToInt(t -> 1 + Math.max(0, rung(t.rung()))).sum() + cut.size();
    if (pending.isEmpty()) {
      whole.add(id);
      created.remove(id);
      ends.remove(id);
      requested.remove(id);
      pruned.remove(id);
      archivedTrials.remove(id);
    } else if (archivedTrials.getOrDefault(id, -1) >= progress) {
      return List.of(); // archived with these trials already (a record read again)
    } else {
      archivedTrials.put(id, progress);
    }
    return StudyArchived.of(c, end, done, pending, cut);
  }

  private static int rung(Integer rung) {
    return rung == null ? -1 : rung;
  }

  /** Trials requested at a rung (or at all) that have not completed there. */
  private List<Integer> pending(String id, List<TrialCompleted> done) {
    Map<Integer, Integer> out = new java.util.TreeMap<>(requested.getOrDefault(id, Map.of()));
    for (TrialCompleted t : done) {
      Integer r = out.get(t.trialNumber());
      if (r != null && rung(t.rung()) >= r) {
        out.remove(t.trialNumber());
      }
    }
    return new ArrayList<>(out.keySet());
  }

  /**
   * A study read from the archive at start, with {@code trials} trials over its parts: a whole one
   * is done with; one with trials still out is written again when more of them report.
   */
  public synchronized void loaded(StudyArchived a, int trials) {
    if (a.whole()) {
      whole.add(a.studyId());
    } else {
      created.putIfAbsent(a.studyId(), a.created());
      ends.putIfAbsent(a.studyId(), a.end());
      // the archive does not say at which rung a trial is out: its next completion ends it
      a.pending()
          .forEach(
              n ->
                  requested
                      .computeIfAbsent(a.studyId(), k -> new HashMap<>())
                      .put(n, Integer.MIN_VALUE));
      pruned.computeIfAbsent(a.studyId(), k -> new TreeSet<>()).addAll(a.pruned());
      archivedTrials.put(a.studyId(), trials);
    }
  }

  /**
   * A study whole in the archive that the service does not hold ({@link Retention}): its live
   * events are skipped.
   */
  public synchronized void markWhole(String studyId) {
    whole.add(studyId);
  }

  /** Whether the study is whole in the archive: its events on the live topics change nothing. */
  public synchronized boolean whole(String studyId) {
    return whole.contains(studyId);
  }
}
