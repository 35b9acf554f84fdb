package org.neurohpo.optimizer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;

/** Every study of this optimizer; each call returns the events to publish. Thread-safe. */
public final class Studies {
  private final Map<String, StudyRun> runs = new LinkedHashMap<>();
  private final Map<String, String> owners = new java.util.HashMap<>();
  private final int inFlight;
  private final int gridLevels;
  private int unrestorable;

  public Studies(int inFlight, int gridLevels) {
    this.inFlight = inFlight;
    this.gridLevels = gridLevels;
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
   * exists.
   */
  public NewStudy prepare(StudySpec spec, String owner) {
    String id = "study-" + UUID.randomUUID().toString().substring(0, 8);
    StudyRun run = new StudyRun(id, spec, inFlight, gridLevels);
    return new NewStudy(
        run, new StudyCreated(Event.SCHEMA_VERSION, id, spec, Instant.now(), owner));
  }

  /** Registers a prepared study; returns its first trials (or its completion). */
  public synchronized List<Event> register(NewStudy s) {
    runs.put(s.run().studyId(), s.run());
    if (s.created().owner() != null) {
      owners.put(s.run().studyId(), s.created().owner());
    }
    List<Event> out = new ArrayList<>(s.run().fill());
    s.run().completion().ifPresent(out::add);
    return out;
  }

  /**
   * Takes over the studies of a {@link History} read from the topics after a restart; returns the
   * events that running studies still need (trials to top up their in-flight count, or the
   * completion a crash kept from being published).
   */
  public synchronized List<Event> restore(History history) {
    List<Event> out = new ArrayList<>();
    for (History.Study h : history.studies()) {
      if (runs.containsKey(h.created().studyId())) {
        continue;
      }
      StudyRun run;
      try {
        run =
            StudyRun.restore(
                h.created().studyId(),
                h.created().spec(),
                inFlight,
                gridLevels,
                h.requested(),
                h.completed(),
                h.stopped());
      } catch (RuntimeException e) {
        // a study no optimizer can run (a spec written by a stranger or an older version):
        // skipped, so that it cannot keep the others from recovering
        unrestorable++;
        continue;
      }
      runs.put(run.studyId(), run);
      if (h.created().owner() != null) {
        owners.put(run.studyId(), h.created().owner());
      }
      if (!h.ended()) {
        out.addAll(run.fill());
        run.completion().ifPresent(out::add);
      }
    }
    return out;
  }

  /** Studies found on the topics that could not be restored (their specs cannot be run). */
  public synchronized int unrestorable() {
    return unrestorable;
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
    return out;
  }

  public synchronized Optional<StudyStopped> stop(String studyId) {
    StudyRun run = runs.get(studyId);
    if (run == null || run.state() != StudyRun.State.RUNNING) {
      return Optional.empty();
    }
    run.stop();
    return Optional.of(
        new StudyStopped(Event.SCHEMA_VERSION, studyId, "stopped by request", Instant.now()));
  }

  public synchronized Optional<StudyView> view(String studyId) {
    return Optional.ofNullable(runs.get(studyId)).map(r -> StudyView.of(r, owners.get(studyId)));
  }

  /** Who created the study (null when not recorded), or empty for an unknown study. */
  public synchronized Optional<Optional<String>> owner(String studyId) {
    return runs.containsKey(studyId)
        ? Optional.of(Optional.ofNullable(owners.get(studyId)))
        : Optional.empty();
  }

  /** Running studies of {@code owner}. */
  public synchronized int running(String owner) {
    int n = 0;
    for (StudyRun r : runs.values()) {
      if (r.state() == StudyRun.State.RUNNING && owner.equals(owners.get(r.studyId()))) {
        n++;
      }
    }
    return n;
  }

  /** Every study, newest first, without trials: {@code limit} of them from {@code offset}. */
  public synchronized List<StudyView> page(int offset, int limit) {
    List<StudyRun> all = new ArrayList<>(runs.values());
    java.util.Collections.reverse(all);
    return all.stream()
        .skip(offset)
        .limit(limit)
        .map(r -> StudyView.of(r, owners.get(r.studyId()), false))
        .toList();
  }

  /** Number of studies. */
  public synchronized int size() {
    return runs.size();
  }

  /** Trials published and not yet completed, over every running study. */
  public synchronized int inFlight() {
    return runs.values().stream().mapToInt(StudyRun::inFlight).sum();
  }
}
