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
import org.neurohpo.model.TrialRequested;

/**
 * What the topics say about every study, collected event by event (in any order across topics): its
 * creation, the trials requested, the results and whether it ended; an archived study (the archive
 * topic) counts as its creation, results and end. The optimizer rebuilds its studies from it when
 * it starts. Plain Java; not thread-safe.
 */
public final class History {

  /** One study's history; trials sorted by number, one entry per number. */
  public record Study(
      StudyCreated created,
      List<TrialRequested> requested,
      List<TrialCompleted> completed,
      boolean stopped,
      boolean ended) {}

  private static final class Builder {
    StudyCreated created;
    final Map<Integer, TrialRequested> requested = new LinkedHashMap<>();
    final Map<Integer, TrialCompleted> completed = new LinkedHashMap<>();
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
      accept(a.end());
    } else if (e instanceof StudyCreated c) {
      b.created = c;
    } else if (e instanceof TrialRequested r) {
      b.requested.putIfAbsent(r.trialNumber(), r);
    } else if (e instanceof TrialCompleted t) {
      b.completed.putIfAbsent(t.trialNumber(), t);
    } else if (e instanceof StudyStopped) {
      b.stopped = true;
      b.ended = true;
    } else if (e instanceof StudyCompleted) {
      b.ended = true;
    } // runs (RunEvaluated, RunFailed) are the results service's business
  }

  /** Studies whose creation is known, in the order first seen. */
  public List<Study> studies() {
    List<Study> out = new ArrayList<>();
    for (Builder b : byStudy.values()) {
      if (b.created == null) {
        continue; // created by an optimizer whose StudyCreated was compacted away or never sent
      }
      List<TrialRequested> req = new ArrayList<>(b.requested.values());
      req.sort(Comparator.comparingInt(TrialRequested::trialNumber));
      List<TrialCompleted> done = new ArrayList<>(b.completed.values());
      done.sort(Comparator.comparingInt(TrialCompleted::trialNumber));
      out.add(new Study(b.created, req, done, b.stopped, b.ended));
    }
    return out;
  }
}
