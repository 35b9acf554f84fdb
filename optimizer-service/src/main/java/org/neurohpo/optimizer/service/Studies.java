package org.neurohpo.optimizer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;

/**
 * The studies this optimizer drives (those of its partitions, {@link StudyPartitions}), the ones it
 * drove that have ended (kept as compact views, their strategies gone), and a {@link Directory} of
 * every study of the cluster; each call returns the events to publish. Thread-safe.
 */
public final class Studies {
  private final Map<String, StudyRun> runs = new LinkedHashMap<>();
  private final Map<String, StudyView> ended = new LinkedHashMap<>();
  private final Map<String, String> owners = new HashMap<>();
  private final StudyPartitions partitions;
  private final Directory directory;
  private final int inFlight;
  private final int gridLevels;
  private final int capacity;
  private int unrestorable;

  /** Why studies could not be restored, not yet taken by {@link #takeUnrestorable} (bounded). */
  private final List<String> unrestorableWhy = new ArrayList<>();

  /** An optimizer that owns every partition (a single one, and tests). */
  public Studies(int inFlight, int gridLevels) {
    this(inFlight, gridLevels, everything(), 200_000);
  }

  private static StudyPartitions everything() {
    StudyPartitions p = new StudyPartitions();
    p.assigned(1, List.of(0));
    return p;
  }

  /**
   * Studies driven through {@code partitions}; at most {@code capacity} ended studies are kept (the
   * oldest forgotten first), and as many in the directory.
   */
  public Studies(int inFlight, int gridLevels, StudyPartitions partitions, int capacity) {
    this.inFlight = inFlight;
    this.gridLevels = gridLevels;
    this.partitions = partitions;
    this.capacity = capacity;
    this.directory = new Directory(capacity);
  }

  /** A new study: its StudyCreated event, then its first trials (both steps at once). */
  public synchronized List<Event> create(StudySpec spec) {
    NewStudy s = prepare(spec, null);
    List<Event> out = new ArrayList<>();
    out.add(s.created());
    out.addAll(register(s));
    return out;
  }

  /** A study about to be created: its run and its creation event, registered nowhere yet. */
  public record NewStudy(StudyRun run, StudyCreated created) {}

  /**
   * A new study, not registered: publish its {@link NewStudy#created()} event, and only once Kafka
   * has acknowledged it {@link #register} it, so a study whose creation was not published never
   * exists. Its id lies on a partition of this optimizer when it has any.
   */
  public NewStudy prepare(StudySpec spec, String owner) {
    String id = partitions.newStudyId();
    StudyRun run = new StudyRun(id, spec, inFlight, gridLevels);
    return new NewStudy(
        run, new StudyCreated(Event.SCHEMA_VERSION, id, spec, Instant.now(), owner));
  }

  /**
   * Registers a prepared study whose creation Kafka acknowledged; returns its first trials (or its
   * completion). A study of another optimizer's partition is only listed: that optimizer reads its
   * creation and drives it. A study known already (read back from the topic) stays as it is.
   */
  public synchronized List<Event> register(NewStudy s) {
    directory.accept(s.created());
    String id = s.created().studyId();
    if (!partitions.owns(id) || runs.containsKey(id) || ended.containsKey(id)) {
      return List.of();
    }
    runs.put(id, s.run());
    if (s.created().owner() != null) {
      owners.put(id, s.created().owner());
    }
    List<Event> out = new ArrayList<>(s.run().fill());
    s.run().completion().ifPresent(out::add);
    settle(s.run());
    return out;
  }

  /**
   * Takes over the studies of a {@link History} read from the topics (at start, or when the group
   * gives this optimizer more partitions): returns the events that running studies still need
   * (trials to top up their in-flight count, or the completion a crash kept from being published).
   * Studies known already, and those of other optimizers' partitions, are left as they are.
   */
  public synchronized List<Event> restore(History history) {
    List<Event> out = new ArrayList<>();
    for (History.Study h : history.studies()) {
      String id = h.created().studyId();
      directory.accept(h.created());
      if (runs.containsKey(id) || ended.containsKey(id) || !partitions.owns(id)) {
        continue;
      }
      StudyRun run;
      try {
        run =
            StudyRun.restore(
                id,
                h.created().spec(),
                inFlight,
                gridLevels,
                h.requested(),
                h.completed(),
                h.pruned(),
                h.stopped());
      } catch (RuntimeException e) {
        // a study no optimizer can run (a spec written by a stranger or an older version, a
        // history its scheduler cannot have written): skipped, so that it cannot keep the others
        // from recovering, and said (takeUnrestorable)
        unrestorable++;
        if (unrestorableWhy.size() < 100) {
          unrestorableWhy.add(id + ": " + e);
        }
        continue;
      }
      runs.put(id, run);
      if (h.created().owner() != null) {
        owners.put(id, h.created().owner());
      }
      if (!h.ended()) {
        out.addAll(run.fill());
        run.completion().ifPresent(out::add);
      }
      settle(run);
    }
    return out;
  }

  /**
   * The group took {@code removed} partitions from this optimizer: it stops driving their studies
   * (another optimizer restores them from the topics). Returns how many running studies it let go.
   */
  public synchronized int release(Set<Integer> removed) {
    int released = 0;
    for (Iterator<StudyRun> it = runs.values().iterator(); it.hasNext(); ) {
      StudyRun r = it.next();
      if (partitions.on(r.studyId(), removed)) {
        it.remove();
        owners.remove(r.studyId());
        released++;
      }
    }
    ended.keySet().removeIf(id -> partitions.on(id, removed));
    return released;
  }

  /** Studies found on the topics that could not be restored (their specs cannot be run). */
  public synchronized int unrestorable() {
    return unrestorable;
  }

  /**
   * Why each study could not be restored since the last call ("id: exception", at most 100 kept
   * between calls), for the log.
   */
  public synchronized List<String> takeUnrestorable() {
    List<String> out = List.copyOf(unrestorableWhy);
    unrestorableWhy.clear();
    return out;
  }

  /**
   * An event of the studies or archive topic, read live: every one goes to the directory; a
   * creation on this optimizer's partition that it does not know yet (made through another
   * optimizer) is adopted and its first trials returned; a stop made through another optimizer
   * stops the study here.
   */
  public synchronized List<Event> onStudyEvent(Event e) {
    directory.accept(e);
    if (e instanceof StudyCreated c) {
      History h = new History();
      h.accept(c);
      return restore(h);
    }
    if (e instanceof StudyStopped) {
      StudyRun run = runs.get(e.studyId());
      if (run != null) {
        run.stop();
        settle(run);
      }
    }
    return List.of();
  }

  /** A trial result: more trials to keep the study busy, or its completion. */
  public synchronized List<Event> onResult(TrialCompleted result) {
    StudyRun run = runs.get(result.studyId());
    List<Event> out = new ArrayList<>();
    if (run == null || !run.onCompleted(result)) {
      return out; // another optimizer's study, or a repeat
    }
    out.addAll(run.fill());
    run.completion().ifPresent(out::add);
    settle(run);
    return out;
  }

  /** Keeps an ended study with nothing in flight as its view only (its strategy is let go). */
  private void settle(StudyRun run) {
    if (run.state() == StudyRun.State.RUNNING || run.pendingTrials() > 0) {
      return;
    }
    runs.remove(run.studyId());
    StudyView v = StudyView.of(run, owners.remove(run.studyId()));
    ended.put(run.studyId(), v);
    directory.ended(v);
    Iterator<String> it = ended.keySet().iterator();
    while (ended.size() > capacity && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /**
   * Stops a running study this optimizer drives: its StudyStopped event; empty when the study is
   * not running here (unknown, ended, or driven by another optimizer: see {@link #stopElsewhere}).
   */
  public synchronized Optional<StudyStopped> stop(String studyId) {
    StudyRun run = runs.get(studyId);
    if (run == null || run.state() != StudyRun.State.RUNNING) {
      return Optional.empty();
    }
    run.stop();
    StudyStopped event = stopped(studyId);
    directory.accept(event); // at once: the owner's running studies count it no more
    settle(run);
    return Optional.of(event);
  }

  /**
   * The StudyStopped event that stops a running study driven by another optimizer (it reads the
   * event and stops); empty when the directory does not show it running.
   */
  public synchronized Optional<StudyStopped> stopElsewhere(String studyId) {
    if (runs.containsKey(studyId) || ended.containsKey(studyId)) {
      return Optional.empty();
    }
    Optional<StudyStopped> stop =
        directory.view(studyId).filter(v -> v.state().equals("running")).map(v -> stopped(studyId));
    stop.ifPresent(directory::accept);
    return stop;
  }

  private static StudyStopped stopped(String studyId) {
    return new StudyStopped(Event.SCHEMA_VERSION, studyId, "stopped by request", Instant.now());
  }

  /** The study's view: in full when this optimizer drives or drove it, else its summary. */
  public synchronized Optional<StudyView> view(String studyId) {
    StudyRun run = runs.get(studyId);
    if (run != null) {
      return Optional.of(StudyView.of(run, owners.get(studyId)));
    }
    StudyView v = ended.get(studyId);
    return v != null ? Optional.of(v) : directory.view(studyId);
  }

  /** Who created the study (null when not recorded), or empty for an unknown study. */
  public synchronized Optional<Optional<String>> owner(String studyId) {
    if (runs.containsKey(studyId)) {
      return Optional.of(Optional.ofNullable(owners.get(studyId)));
    }
    StudyView v = ended.get(studyId);
    return v != null ? Optional.of(Optional.ofNullable(v.owner())) : directory.owner(studyId);
  }

  /** Running studies of {@code owner}, over the cluster. */
  public synchronized int running(String owner) {
    return directory.running(owner);
  }

  /**
   * Every study of the cluster, newest first, without trials: {@code limit} from {@code offset}.
   */
  public synchronized List<StudyView> page(int offset, int limit) {
    List<StudyView> out = new ArrayList<>();
    for (String id : directory.page(offset, limit)) {
      view(id).map(StudyView::withoutTrials).ifPresent(out::add);
    }
    return out;
  }

  /** Number of studies of the cluster. */
  public synchronized int size() {
    return directory.size();
  }

  /** Trials published and not yet completed, over every running study driven here. */
  public synchronized int inFlight() {
    return runs.values().stream().mapToInt(StudyRun::inFlight).sum();
  }

  /** Studies driven here now (running, or ended with trials still out). */
  public synchronized int driven() {
    return runs.size();
  }
}
