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
  private final Map<String, Set<Integer>> requested = new HashMap<>();
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
      requested.computeIfAbsent(id, k -> new HashSet<>()).add(r.trialNumber());
      return List.of(); // a request never ends a study
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
    if (end instanceof StudyCompleted sc && done.size() < sc.trialsCompleted()) {
      return List.of(); // its last results are still on their way here
    }
    List<Integer> pending = pending(id, done);
    if (pending.isEmpty()) {
      whole.add(id);
      created.remove(id);
      ends.remove(id);
      requested.remove(id);
      archivedTrials.remove(id);
    } else if (archivedTrials.getOrDefault(id, -1) >= done.size()) {
      return List.of(); // archived with these trials already (a record read again)
    } else {
      archivedTrials.put(id, done.size());
    }
    return StudyArchived.of(c, end, done, pending);
  }

  private List<Integer> pending(String id, List<TrialCompleted> done) {
    Set<Integer> out = new TreeSet<>(requested.getOrDefault(id, Set.of()));
    done.forEach(t -> out.remove(t.trialNumber()));
    return new ArrayList<>(out);
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
      requested.computeIfAbsent(a.studyId(), k -> new HashSet<>()).addAll(a.pending());
      archivedTrials.put(a.studyId(), trials);
    }
  }

  /** Whether the study is whole in the archive: its events on the live topics change nothing. */
  public synchronized boolean whole(String studyId) {
    return whole.contains(studyId);
  }
}
