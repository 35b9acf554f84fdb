package org.neurohpo.results.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.neurohpo.kafka.support.CompactedTopic;
import org.neurohpo.kafka.support.Resend;
import org.neurohpo.kafka.support.TopicHistory;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.results.service.Archivist;
import org.neurohpo.results.service.Leaderboard;
import org.neurohpo.results.service.ReplayState;
import org.neurohpo.results.service.Retention;
import org.neurohpo.results.service.StudyIndex;
import org.neurohpo.results.service.StudyLog;
import org.neurohpo.results.service.TrialAggregator;

/**
 * Reads trial requests (to learn each trial's seeds and parameters), run evaluations and study
 * lifecycle events; publishes each completed trial on {@code neurohpo.results.v1}, keyed by study
 * id. Each record is applied once (a record read again after a rebalance is skipped), only on its
 * own topic (a valid event of another topic's type is dead-lettered), and an unreadable record is
 * dead-lettered once, also across restarts ({@link ReplayState}). Records wait until the service
 * knows where its topics stood when it started.
 *
 * <p>An ended study is written whole to the archive topic ({@link Archivist}), which is compacted
 * and kept forever: at start the service reads the archive first, and skips the live topics' events
 * of every study it found whole there (nor does it publish their results again). Of whole studies
 * it holds the most recently ended in memory, up to {@code neurohpo.results.trials-kept} trials in
 * all ({@link Retention}); older ones are let go and answered with 410 (the archive topic has
 * them).
 */
@ApplicationScoped
@Startup
public class ResultsListener {
  private static final Logger LOG = Logger.getLogger(ResultsListener.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final TrialAggregator aggregator = new TrialAggregator();
  private final Leaderboard leaderboard = new Leaderboard();
  private final StudyLog log = new StudyLog();
  private final StudyIndex index = new StudyIndex();
  private final ReplayState replay = new ReplayState();
  private final Archivist archivist = new Archivist();
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  /** Trials of the ended studies held in memory, whole in the archive; older ones are let go. */
  @ConfigProperty(name = "neurohpo.results.trials-kept", defaultValue = "20000")
  long trialsKept;

  private Retention retention;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  @Inject
  @Channel("results")
  Emitter<Record<String, String>> results;

  @Inject
  @Channel("archive")
  Emitter<Record<String, String>> archive;

  @Inject MeterRegistry registry;

  /** Every study at a glance, for the dashboard. */
  public StudyIndex index() {
    return index;
  }

  /** Every event of every study, for the live streams. */
  public StudyLog log() {
    return log;
  }

  /** Every completed trial so far, by study. */
  public Leaderboard leaderboard() {
    return leaderboard;
  }

  /** Trials of ended studies held in memory at most ({@code neurohpo.results.trials-kept}). */
  public long trialsKept() {
    return trialsKept;
  }

  /**
   * Whether the study ended, is whole in the archive and was let go: it ended before the most
   * recently ended studies whose trials fill {@link #trialsKept()}.
   */
  public synchronized boolean letGo(String studyId) {
    return archivist.whole(studyId) && index.detail(studyId).isEmpty();
  }

  /** Whether every record that was on the topics when the service started has been read. */
  public boolean caughtUp() {
    return replay.caughtUp();
  }

  void onStart(@Observes StartupEvent ev) {
    if (trialsKept < 1) {
      throw new IllegalArgumentException(
          "neurohpo.results.trials-kept must be at least 1, got " + trialsKept);
    }
    retention = new Retention(trialsKept);
    Thread t = new Thread(this::readStart, "neurohpo-results-start");
    t.setDaemon(true);
    t.start();
  }

  /** Reads where the topics stand (retrying until the broker answers), then lets records in. */
  private void readStart() {
    while (!started.isDone()) {
      try {
        StartOffsets.Found found =
            StartOffsets.read(
                kafka,
                List.of(Topics.TRIALS, Topics.EVALUATIONS, Topics.STUDIES),
                List.of(Topics.deadLetter(Topics.EVALUATIONS), Topics.deadLetter(Topics.STUDIES)));
        long t0 = System.nanoTime();
        int archived = readArchive();
        replay.start(found.endOffsets(), found.deadLettered());
        LOG.infof(
            "read %d archived studies (holding ended ones up to %d trials) in %.1f s; reading %d"
                + " partitions with records; %d partitions have dead letters already",
            archived,
            trialsKept,
            (System.nanoTime() - t0) / 1e9,
            found.endOffsets().size(),
            found.deadLettered().size());
        started.complete(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warnf("cannot read the topics' offsets yet, retrying in %s: %s", RETRY, e.toString());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Reads the archive (creating its topic when missing): the creation, trials and end of each study
   * with trials still out and of the most recently ended whole ones ({@link Retention}) go to the
   * index, the leaderboard and the log, as if read from the live topics; every whole one is marked
   * whole (its live events are skipped). Two passes, so that memory holds the studies kept and not
   * the whole archive: the first learns each study's end, trials and whether it is whole, the
   * second keeps the records of the studies held. Returns the number of studies.
   */
  private int readArchive() throws Exception {
    CompactedTopic.ensure(kafka, Topics.ARCHIVE, "neurohpo-results-topics");
    Map<String, Part> parts1 = new java.util.LinkedHashMap<>();
    readArchiveRecords(
        a -> {
          parts1.remove(a.key()); // a later version of a part replaces the earlier one
          parts1.put(a.key(), new Part(a.studyId(), a.whole(), endedAt(a), a.trials().size()));
        });
    // per whole study, its end and the trials over its parts
    Map<String, Part> whole = new java.util.LinkedHashMap<>();
    java.util.Set<String> open = new java.util.HashSet<>();
    for (Part p : parts1.values()) {
      if (!p.whole()) {
        open.add(p.studyId());
      } else {
        whole.merge(
            p.studyId(), p, (x, y) -> new Part(x.studyId(), true, x.at(), x.trials() + y.trials()));
      }
    }
    open.forEach(whole::remove); // parts of one version disagree only while it is written
    List<Retention.Ended> ended = new java.util.ArrayList<>();
    whole.forEach((id, p) -> ended.add(new Retention.Ended(p.at(), id, p.trials())));
    java.util.Set<String> letGo;
    synchronized (this) {
      letGo = new java.util.HashSet<>(retention.wholeAll(ended));
    }
    Map<String, StudyArchived> latest = new java.util.LinkedHashMap<>();
    readArchiveRecords(
        a -> {
          if (!letGo.contains(a.studyId())) {
            latest.remove(a.key());
            latest.put(a.key(), a);
          }
        });
    // a study's parts together, in the order its first part was read
    Map<String, List<StudyArchived>> studies = new java.util.LinkedHashMap<>();
    latest
        .values()
        .forEach(
            a -> studies.computeIfAbsent(a.studyId(), k -> new java.util.ArrayList<>()).add(a));
    synchronized (this) {
      for (List<StudyArchived> parts : studies.values()) {
        // whole since the first pass: it takes its place among those held now
        String id = parts.get(0).studyId();
        if (parts.get(0).whole() && !whole.containsKey(id)) {
          letGo.addAll(retention.whole(ended(parts)));
        }
      }
      letGo.forEach(archivist::markWhole); // their live events are skipped
      for (List<StudyArchived> parts : studies.values()) {
        if (letGo.contains(parts.get(0).studyId())) {
          continue;
        }
        parts.sort(java.util.Comparator.comparingInt(StudyArchived::part));
        for (Event e : events(parts)) {
          if (e instanceof TrialCompleted t) {
            leaderboard.add(t);
          }
          index.on(e);
          log.append(e.studyId(), EventCodec.encode(e));
        }
        archivist.loaded(parts.get(0), parts.stream().mapToInt(a -> a.trials().size()).sum());
      }
    }
    java.util.Set<String> all = new java.util.HashSet<>(studies.keySet());
    all.addAll(letGo);
    return all.size();
  }

  /** What the first pass over the archive keeps of a record. */
  private record Part(String studyId, boolean whole, java.time.Instant at, int trials) {}

  /** Every readable archive record, in order; an unreadable one is logged and skipped. */
  private void readArchiveRecords(java.util.function.Consumer<StudyArchived> each)
      throws Exception {
    TopicHistory.read(
        kafka,
        "neurohpo-results-archive",
        List.of(Topics.ARCHIVE),
        entry -> {
          StudyArchived a;
          try {
            a = (StudyArchived) EventCodec.decodeOn(Topics.ARCHIVE, entry.value());
          } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
            LOG.warnf("skipping an unreadable archive record: %s", e.getMessage());
            return;
          }
          each.accept(a);
        });
  }

  /** An archived study's end time (stop or completion) and trials, for {@link Retention}. */
  private static Retention.Ended ended(List<StudyArchived> parts) {
    StudyArchived a = parts.get(0);
    return new Retention.Ended(
        endedAt(a), a.studyId(), parts.stream().mapToInt(p -> p.trials().size()).sum());
  }

  /** When an archived study ended: its stop or its completion. */
  private static java.time.Instant endedAt(StudyArchived a) {
    return a.end() instanceof org.neurohpo.model.StudyCompleted c
        ? c.completedAt()
        : ((org.neurohpo.model.StudyStopped) a.end()).stoppedAt();
  }

  /**
   * An archived study's events as the log keeps them: its creation, its trials, its pruned trials
   * (each at the rung and runs of its completion), its end.
   */
  private static List<Event> events(List<StudyArchived> parts) {
    List<Event> out = new java.util.ArrayList<>();
    out.add(parts.get(0).created());
    Map<Integer, TrialCompleted> trials = new java.util.TreeMap<>();
    parts.forEach(a -> a.trials().forEach(t -> trials.put(t.trialNumber(), t)));
    out.addAll(trials.values());
    for (int n : parts.get(0).pruned()) {
      TrialCompleted t = trials.get(n);
      if (t != null && t.runsEvaluated() > 0) {
        int rung = t.rung() == null ? 0 : t.rung();
        out.add(
            new TrialPruned(
                Event.SCHEMA_VERSION, t.studyId(), n, rung, t.runsEvaluated(), "pruned"));
      }
    }
    out.add(parts.get(0).end());
    return out;
  }

  @Incoming("requested")
  @Blocking
  public void onRequested(ConsumerRecord<String, String> r) throws Exception {
    Optional<Event> e;
    try {
      e = read(Topics.TRIALS, r);
    } catch (EventCodec.MalformedEventException | IllegalArgumentException bad) {
      // the evaluators' group dead-letters it
      LOG.debugf("ignoring an unreadable trial record: %s", bad.getMessage());
      return;
    }
    if (e.isPresent() && e.get() instanceof TrialPruned) {
      record(e.get(), r.value()); // may complete a scheduled study's archive
    } else if (e.isPresent()) {
      publish(aggregate(e.get(), r.value()));
    }
  }

  @Incoming("evaluations")
  @Blocking
  public void onEvaluation(ConsumerRecord<String, String> r) throws Exception {
    Optional<Event> e = read(Topics.EVALUATIONS, r); // unreadable: throws, dead-lettered
    if (e.isPresent()) {
      publish(aggregate(e.get(), r.value()));
    }
  }

  /** Study lifecycle events, for the index and the live streams. */
  @Incoming("studies")
  @Blocking
  public void onStudy(ConsumerRecord<String, String> r) throws Exception {
    Optional<Event> e = read(Topics.STUDIES, r); // unreadable: throws, dead-lettered
    if (e.isPresent()) {
      record(e.get(), r.value());
    }
  }

  /** A study's lifecycle event or a pruned trial: the index, the log, and the archive if due. */
  private void record(Event e, String json) throws InterruptedException {
    List<StudyArchived> parts;
    synchronized (this) {
      index.on(e);
      log.append(e.studyId(), json);
      parts = archivist.on(e, this::trialsOf);
    }
    archive(parts);
  }

  private List<TrialCompleted> trialsOf(String studyId) {
    return leaderboard.trials(studyId).orElse(List.of());
  }

  /** Writes an ended study to the archive; returns when Kafka acknowledged every part. */
  private void archive(List<StudyArchived> parts) throws InterruptedException {
    for (StudyArchived a : parts) {
      String json = EventCodec.encode(a);
      Resend.untilAcknowledged(
          () -> archive.send(Record.of(a.key(), json)),
          (n, why, pause) ->
              refused(Topics.ARCHIVE, "an archive record of study " + a.studyId(), n, why, pause));
    }
    if (!parts.isEmpty() && parts.get(0).whole()) {
      // whole in the archive: its runs are no longer needed here (as after a restart)
      synchronized (this) {
        aggregator.forget(parts.get(0).studyId());
        log.replace(
            parts.get(0).studyId(), events(parts).stream().map(EventCodec::encode).toList());
        for (String old : retention.whole(ended(parts))) {
          index.forget(old);
          leaderboard.forget(old);
          log.forget(old);
          LOG.infof(
              "study %s let go: ended before the studies held (%d trials, at most %d)",
              old, retention.trials(), trialsKept);
        }
      }
    }
    if (!parts.isEmpty()) {
      LOG.infof(
          "study %s archived: %d trials in %d record(s)",
          parts.get(0).studyId(),
          parts.stream().mapToInt(a -> a.trials().size()).sum(),
          parts.size());
    }
  }

  /**
   * The event of a record read for the first time; empty for a record read before, or an unreadable
   * one that was dead-lettered before (a restart reads it again). Throws {@link
   * EventCodec.MalformedEventException} for a record to dead-letter now.
   */
  private Optional<Event> read(String topic, ConsumerRecord<String, String> r)
      throws InterruptedException, ExecutionException {
    started.get(); // a record waits until the service knows which were dead-lettered before
    if (!replay.firstRead(r.topic(), r.partition(), r.offset())) {
      return Optional.empty();
    }
    try {
      Event e = EventCodec.decodeOn(topic, r.value());
      // a study whole in the archive was read from there: its live events change nothing
      return archivist.whole(e.studyId()) ? Optional.empty() : Optional.of(e);
    } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
      if (replay.deadLetteredBefore(r.topic(), r.partition(), r.offset())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private synchronized Optional<TrialCompleted> aggregate(Event e, String json) {
    index.on(e);
    log.append(e.studyId(), json);
    archivist.on(e, this::trialsOf); // learns the trials requested; a request writes nothing
    return aggregator.on(e);
  }

  private void publish(Optional<TrialCompleted> done) throws InterruptedException {
    if (done.isEmpty()) {
      return;
    }
    TrialCompleted t = done.get();
    String json = EventCodec.encode(t);
    List<StudyArchived> parts;
    synchronized (this) {
      leaderboard.add(t);
      index.on(t);
      log.append(t.studyId(), json);
      parts = archivist.on(t, this::trialsOf);
    }
    LOG.infof(
        "trial %s/%d completed: mean validation accuracy %s, test %.4f over %d run(s)",
        t.studyId(),
        t.trialNumber(),
        t.meanValidationAccuracy() == null
            ? "-"
            : String.format(java.util.Locale.ROOT, "%.4f", t.meanValidationAccuracy()),
        t.meanTestAccuracy(),
        t.runs().size());
    // recorded here already: a refused send is sent again, never the evaluation dead-lettered
    Resend.untilAcknowledged(
        () -> results.send(Record.of(t.studyId(), json)),
        (n, why, pause) ->
            refused(
                Topics.RESULTS,
                "the result of trial " + t.studyId() + "/" + t.trialNumber(),
                n,
                why,
                pause));
    archive(parts);
  }

  private void refused(
      String topic, String what, int refusals, Throwable why, java.time.Duration pause) {
    Counter.builder(Resend.METRIC)
        .description(Resend.METRIC_DESCRIPTION)
        .tag("topic", topic)
        .register(registry)
        .increment();
    LOG.warnf(
        "Kafka did not take %s (%d times, last: %s); sending it again in %d s",
        what, refusals, Resend.reason(why), pause.toSeconds());
  }
}
