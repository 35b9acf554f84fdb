package org.neurohpo.optimizer.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;

/**
 * Every study of the cluster as the studies topic tells it, in a few fields each: its spec's
 * headline, owner, state and (once completed) best trial. An optimizer answers with it for the
 * studies another optimizer drives, and lists every study from it. Bounded: past {@code capacity}
 * studies the oldest ended ones are forgotten (the results service keeps them all). Plain Java;
 * thread-safe.
 */
public final class Directory {

  /** What the studies topic says of one study. */
  private static final class Entry {
    final StudyCreated created;
    String state = "running";
    int trialsCompleted;
    StudyView.Best best;

    Entry(StudyCreated created) {
      this.created = created;
    }

    StudyView view() {
      var spec = created.spec();
      return new StudyView(
          created.studyId(),
          spec.name(),
          spec.dataset(),
          spec.strategy(),
          state,
          spec.budget(),
          null,
          trialsCompleted,
          created.owner(),
          best,
          null,
          null,
          null,
          null);
    }
  }

  private final Map<String, Entry> byId = new LinkedHashMap<>();
  private final Map<String, Event> endedEarly = new LinkedHashMap<>();
  private final int capacity;

  public Directory(int capacity) {
    this.capacity = capacity;
  }

  /** Takes one event of the studies topic (in the topic's order per study). */
  public synchronized void accept(Event e) {
    if (e instanceof StudyArchived a) {
      accept(a.created());
      accept(a.end());
      Entry entry = byId.get(a.studyId());
      if (entry != null && a.stopped() != null && a.parts() == 1) {
        entry.trialsCompleted = a.trials().size();
      }
      return;
    }
    if (e instanceof StudyCreated c) {
      if (!byId.containsKey(c.studyId())) {
        byId.put(c.studyId(), new Entry(c));
        Event end = endedEarly.remove(c.studyId());
        if (end != null) {
          accept(end);
        }
        trim();
      }
      return;
    }
    Entry entry = byId.get(e.studyId());
    if (entry == null) {
      // an end whose creation this optimizer has not read yet (written by another one)
      if (endedEarly.size() < capacity) {
        endedEarly.put(e.studyId(), e);
      }
      return;
    }
    if (e instanceof StudyStopped) {
      if (entry.state.equals("running")) {
        entry.state = "stopped";
      }
    } else if (e instanceof StudyCompleted c) {
      entry.state = "completed";
      entry.trialsCompleted = c.trialsCompleted();
      entry.best =
          c.bestTrialNumber() < 0
              ? null
              : new StudyView.Best(
                  c.bestTrialNumber(),
                  c.bestMeanValidationAccuracy(),
                  c.bestMeanTestAccuracy(),
                  c.bestParams());
    }
  }

  /**
   * A study that ended here: its state, trials and best as the optimizer that drove it saw them.
   */
  public synchronized void ended(StudyView v) {
    Entry entry = byId.get(v.studyId());
    if (entry != null) {
      entry.state = v.state();
      entry.trialsCompleted = v.trialsCompleted();
      entry.best = v.best();
    }
  }

  /** Running studies of {@code owner}. */
  public synchronized int running(String owner) {
    int n = 0;
    for (Entry e : byId.values()) {
      if (e.state.equals("running") && owner.equals(e.created.owner())) {
        n++;
      }
    }
    return n;
  }

  private void trim() {
    Iterator<Entry> it = byId.values().iterator();
    while (byId.size() > capacity && it.hasNext()) {
      if (!it.next().state.equals("running")) {
        it.remove();
      }
    }
  }

  /** The study's summary, or empty when the topic never named it. */
  public synchronized Optional<StudyView> view(String studyId) {
    return Optional.ofNullable(byId.get(studyId)).map(Entry::view);
  }

  /** Who created the study (null when not recorded), or empty for an unknown study. */
  public synchronized Optional<Optional<String>> owner(String studyId) {
    Entry e = byId.get(studyId);
    return e == null ? Optional.empty() : Optional.of(Optional.ofNullable(e.created.owner()));
  }

  /** Study ids, newest first: {@code limit} of them from {@code offset}. */
  public synchronized List<String> page(int offset, int limit) {
    List<String> ids = new ArrayList<>(byId.keySet());
    Collections.reverse(ids);
    return ids.stream().skip(offset).limit(limit).toList();
  }

  public synchronized int size() {
    return byId.size();
  }
}
