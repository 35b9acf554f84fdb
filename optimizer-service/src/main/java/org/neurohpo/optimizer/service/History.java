package org.neurohpo.optimizer.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;

/**
 * What the topics say about every study, collected event by event (in any order across topics): its
 * creation, the trials requested, the results and whether it ended; an archived study (the archive
 * topic) counts as its creation, results and end. The optimizer rebuilds its studies from it when
 * it starts. Plain Java; not thread-safe.
 */
public final class History {

  /**
   * One study's history; trials sorted by number, one entry per number and rung (a scheduled
   * study's trial is requested and completed once per rung it reaches; ADR 0007), and the trials
   * its scheduler pruned.
   */
  public record Study(
      StudyCreated created,
      List<TrialRequested> requested,
      List<TrialCompleted> completed,
      List<Integer> pruned,
      boolean stopped,
      boolean ended) {}

  private static final class Builder {
    StudyCreated created;
    final Map<Long, TrialRequested> requested = new LinkedHashMap<>();
    final Map<Long, TrialCompleted> completed = new LinkedHashMap<>();
    final java.util.Set<Integer> pruned = new java.util.TreeSet<>();
    boolean stopped;
    boolean ended;
  }

  private final Map<String, Builder> byStudy = new LinkedHashMap<>();

  /** Adds one event; repeats of a trial or a result keep the first. */
  public void accept(Event e) {
    Builder b = byStudy.computeIfAbsent(e.studyId(), k -> new Builder());
    if (e instanceof StudyArchived a) {
      accept(a.created());
      a.trials().forEach(this::accept);
      b.pruned.addAll(a.pruned());
      accept(a.end());
    } else if (e instanceof StudyCreated c) {
      b.created = c;
    } else if (e instanceof TrialRequested r) {
      b.requested.putIfAbsent(key(r.trialNumber(), r.rung()), r);
    } else if (e instanceof TrialCompleted t) {
      b.completed.putIfAbsent(key(t.trialNumber(), t.rung()), t);
    } else if (e instanceof TrialPruned p) {
      b.pruned.add(p.trialNumber());
    } else if (e instanceof StudyStopped) {
      b.stopped = true;
      b.ended = true;
    } else if (e instanceof StudyCompleted) {
      b.ended = true;
    } // runs (RunEvaluated, RunFailed) are the results service's business
  }

  /** A trial's entry: its number and rung (0 for none). */
  private static long key(int trialNumber, Integer rung) {
    return ((long) trialNumber << 16) + (rung == null ? 0 : rung);
  }

  /** Studies whose creation is known, in the order first seen. */
  public List<Study> studies() {
    List<Study> out = new ArrayList<>();
    for (Builder b : byStudy.values()) {
      if (b.created == null) {
        continue; // created by an optimizer whose StudyCreated was compacted away or never sent
      }
      List<TrialRequested> req = new ArrayList<>(b.requested.values());
      req.sort(Comparator.comparingLong((TrialRequested r) -> key(r.trialNumber(), r.rung())));
      List<TrialCompleted> done = new ArrayList<>(b.completed.values());
      done.sort(Comparator.comparingLong((TrialCompleted t) -> key(t.trialNumber(), t.rung())));
      out.add(new Study(b.created, req, done, List.copyOf(b.pruned), b.stopped, b.ended));
    }
    return out;
  }
}
