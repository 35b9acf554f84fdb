package org.neurohpo.optimizer.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.neurohpo.kafka.support.CompactedTopic;
import org.neurohpo.kafka.support.Resend;
import org.neurohpo.kafka.support.TopicFollower;
import org.neurohpo.kafka.support.TopicHistory;
import org.neurohpo.kafka.support.TopicTail;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.service.DatasetRegistry;
import org.neurohpo.optimizer.service.History;
import org.neurohpo.optimizer.service.Studies;
import org.neurohpo.optimizer.service.StudyPartitions;

/**
 * The optimizer's Kafka edge: publishes study and trial events, consumes trial results. Several
 * optimizers may share a cluster: each drives the studies of the results-topic partitions the
 * {@code neurohpo-optimizer} group gives it ({@link StudyPartitions}). When the group gives it
 * partitions it rebuilds their studies from the topics (studies, trials, results, read from the
 * beginning) and publishes what they still need; when the group takes partitions away it stops
 * driving their studies and waits until what it published for them is acknowledged, so that the
 * next owner reads it. A tail of the studies and data-set topics tells every optimizer of every
 * study and data set of the cluster (for the API) and of studies created or stopped through another
 * optimizer. The service is ready once that tail has read what the topics held at start and the
 * group has answered once.
 */
@ApplicationScoped
@Startup // registers its metrics and starts its tail at start, not at first use
public class StudyEvents {
  private static final Logger LOG = Logger.getLogger(StudyEvents.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final Duration REBUILD_GIVE_UP = Duration.ofMinutes(4);
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final StudyPartitions partitions = new StudyPartitions();
  private final Studies studies;
  private final CompletableFuture<Void> assignedOnce = new CompletableFuture<>();
  private final CompletableFuture<Void> tailCaughtUp = new CompletableFuture<>();
  private final CompletableFuture<Void> recovered =
      CompletableFuture.allOf(assignedOnce, tailCaughtUp);

  /** Held to decide and send (read), or to change which studies are driven here (write). */
  private final ReadWriteLock handover = new ReentrantReadWriteLock();

  /** Sends not yet acknowledged, waited for before partitions are handed over. */
  private final Set<CompletableFuture<?>> unacked = ConcurrentHashMap.newKeySet();

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  @Inject
  @Channel("trials")
  Emitter<String> trials;

  /** Created at the first assignment, before anything is published. */
  private volatile PartitionBalancer balancer = new PartitionBalancer(0);

  private boolean balancerSized;

  @Inject
  @Channel("studies")
  Emitter<Record<String, String>> studyTopic;

  @Inject
  @Channel("datasets")
  Emitter<Record<String, String>> datasetTopic;

  private final DatasetRegistry datasets = new DatasetRegistry();
  private volatile TopicFollower follower;
  private volatile boolean closing;

  private final MeterRegistry registry;

  @Inject
  public StudyEvents(OptimizerConfig config, MeterRegistry registry) {
    this.registry = registry;
    this.studies =
        new Studies(config.inFlight(), config.gridLevels(), partitions, config.studiesKept());
    Gauge.builder("neurohpo.trials.in.flight", studies, Studies::inFlight)
        .description("trials published and not yet completed, over the studies driven here")
        .register(registry);
    Gauge.builder("neurohpo.studies.driven", studies, Studies::driven)
        .description("studies this optimizer drives (those of its partitions with trials out)")
        .register(registry);
  }

  void onStart(@Observes StartupEvent ev) {
    follower =
        TopicFollower.start(
            "neurohpo-optimizer-tail",
            this::tail,
            RETRY,
            e ->
                LOG.warnf(
                    "reading the studies topic failed, retrying in %s: %s", RETRY, e.toString()));
  }

  void onStop(@Observes ShutdownEvent ev) {
    closing = true;
    TopicFollower f = follower;
    if (f != null) {
      f.close();
    }
  }

  /** A tail of the data-set, archive and studies topics (made again after a broker failure). */
  private TopicTail tail() throws Exception {
    CompactedTopic.ensure(kafka, Topics.DATASETS, "neurohpo-optimizer-topics");
    int[] unreadable = {0};
    TopicTail t =
        new TopicTail(
            kafka,
            "neurohpo-optimizer-tail",
            List.of(Topics.DATASETS, Topics.ARCHIVE, Topics.STUDIES),
            entry -> onTail(entry, unreadable));
    t.caughtUp()
        .thenRun(
            () -> {
              LOG.infof(
                  "read %d studies and %d data sets of the cluster (%d unreadable records"
                      + " skipped)",
                  studies.size(), datasets.size(), unreadable[0]);
              tailCaughtUp.complete(null);
            });
    return t;
  }

  private void onTail(TopicHistory.Entry entry, int[] unreadable) {
    try {
      if (entry.topic().equals(Topics.DATASETS)) {
        datasets.add(DatasetRegistered.decode(entry.value()));
        return;
      }
      Event e = EventCodec.decodeOn(entry.topic(), entry.value());
      handover.readLock().lock();
      try {
        publish(studies.onStudyEvent(e));
      } finally {
        handover.readLock().unlock();
      }
      logUnrestorable();
    } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
      unreadable[0]++; // dead-lettered by the results service; nothing to learn from it
    }
  }

  /**
   * The group gave this optimizer partitions of the results topic: rebuilds their studies from the
   * topics and publishes what they need. Runs on the consumer's thread, before any result of those
   * partitions is delivered.
   */
  void onAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> added) {
    Set<Integer> mine = resultPartitions(added);
    if (mine.isEmpty() && assignedOnce.isDone()) {
      return; // a rebalance that gave this optimizer nothing new
    }
    int count = consumer.partitionsFor(Topics.RESULTS, Duration.ofSeconds(30)).size();
    long deadline = System.nanoTime() + REBUILD_GIVE_UP.toNanos();
    while (true) {
      try {
        rebuild(count, mine);
        break;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          LOG.errorf(
              "could not rebuild the studies of partitions %s from the topics: %s; they wait"
                  + " for the next rebalance",
              mine, e.toString());
          break;
        }
        LOG.warnf("rebuilding partitions %s failed, retrying in %s: %s", mine, RETRY, e);
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    assignedOnce.complete(null);
  }

  private void rebuild(int count, Set<Integer> mine) {
    long started = System.nanoTime();
    History history = new History();
    int[] unreadable = {0};
    Map<String, Integer> trialPartitions = new HashMap<>();
    Map<String, Integer> counts =
        TopicHistory.read(
            kafka,
            "neurohpo-optimizer-recovery",
            List.of(Topics.ARCHIVE, Topics.STUDIES, Topics.TRIALS, Topics.RESULTS),
            entry -> {
              try {
                // an event of a type that does not belong on its topic is never applied
                Event e = EventCodec.decodeOn(entry.topic(), entry.value());
                if (!mine.contains(StudyPartitions.of(e.studyId(), count))) {
                  return;
                }
                history.accept(e);
                if (e instanceof TrialRequested t) {
                  trialPartitions.put(trialKey(t), entry.partition());
                }
              } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
                unreadable[0]++; // dead-lettered by the topic's consumer; nothing to rebuild
              }
            });
    handover.writeLock().lock();
    List<Event> todo;
    try {
      if (!balancerSized) {
        balancer = new PartitionBalancer(counts.getOrDefault(Topics.TRIALS, 0));
        balancerSized = true;
      }
      for (History.Study st : history.studies()) {
        // a scheduled study's trial is requested and completed once per rung
        Set<String> done = new HashSet<>();
        st.completed().forEach(t -> done.add(t.trialNumber() + "@" + t.rung()));
        for (TrialRequested t : st.requested()) {
          if (!done.contains(t.trialNumber() + "@" + t.rung()) && !st.ended()) {
            balancer.placed(trialKey(t), trialPartitions.getOrDefault(trialKey(t), -1));
          }
        }
      }
      partitions.assigned(count, mine);
      todo = studies.restore(history);
      publish(todo);
    } finally {
      handover.writeLock().unlock();
    }
    LOG.infof(
        "drives partitions %s of %s now: rebuilt %d studies from the topics in %.1f s (%d"
            + " unreadable records skipped, %d studies that cannot be restored), published %d"
            + " events",
        partitions.owned(),
        Topics.RESULTS,
        history.studies().size(),
        (System.nanoTime() - started) / 1e9,
        unreadable[0],
        studies.unrestorable(),
        todo.size());
    logUnrestorable();
  }

  /** Says why each study found since the last call could not be restored (it is not driven). */
  private void logUnrestorable() {
    for (String why : studies.takeUnrestorable()) {
      LOG.warnf("study %s cannot be restored; it is skipped and not driven", why);
    }
  }

  /**
   * The group took partitions away: their studies are no longer driven here; returns once what was
   * published for them is acknowledged (or after {@link #ACK_WAIT}), so that the next owner, which
   * starts after this returns, reads all of it.
   */
  void onRevoked(Collection<TopicPartition> removed, boolean waitForAcks) {
    Set<Integer> gone = resultPartitions(removed);
    if (gone.isEmpty()) {
      return;
    }
    int released;
    List<CompletableFuture<?>> pending;
    handover.writeLock().lock();
    try {
      released = studies.release(gone);
      balancer.forget(key -> partitions.on(key.substring(0, key.lastIndexOf('/')), gone));
      partitions.revoked(gone);
      pending = List.copyOf(unacked);
    } finally {
      handover.writeLock().unlock();
    }
    if (waitForAcks) {
      try {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
            .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warnf("handing over partitions %s with sends unacknowledged: %s", gone, e.toString());
      }
    }
    LOG.infof(
        "no longer drives partitions %s (%d running studies handed over); drives %s",
        gone, released, partitions.owned());
  }

  private static Set<Integer> resultPartitions(Collection<TopicPartition> parts) {
    Set<Integer> out = new TreeSet<>();
    for (TopicPartition tp : parts) {
      if (tp.topic().equals(Topics.RESULTS)) {
        out.add(tp.partition());
      }
    }
    return out;
  }

  /** The registered data sets (of the whole cluster, read from their topic). */
  public DatasetRegistry datasets() {
    return datasets;
  }

  /** Publishes a registered data set, keyed by its id; completes when Kafka acknowledged it. */
  public CompletionStage<Void> publish(DatasetRegistered d) {
    return datasetTopic.send(Record.of(d.id(), d.encode()));
  }

  /**
   * Completes once this optimizer knows the cluster's studies and the group has given it its
   * partitions (whose studies it then rebuilt).
   */
  public CompletableFuture<Void> recovered() {
    return recovered;
  }

  public Studies studies() {
    return studies;
  }

  /** Partitions of the results topic this optimizer drives now. */
  public Set<Integer> drivenPartitions() {
    return partitions.owned();
  }

  /**
   * Decides and publishes under the hand-over lock: {@code decision} runs (and what it returns is
   * sent) while no partition changes hands. Completes when every event is acknowledged.
   */
  public CompletionStage<Void> decideAndPublish(java.util.function.Supplier<List<Event>> decision) {
    handover.readLock().lock();
    try {
      return publish(decision.get());
    } finally {
      handover.readLock().unlock();
    }
  }

  /**
   * Publishes events in order, each keyed by its study (trials by study and trial, on the partition
   * with the fewest trials in flight); completes when all are acknowledged, or exceptionally when
   * Kafka refused one (after the producer's own retries, {@code delivery.timeout.ms}). A refused
   * event of a study this optimizer drives is not lost: it is sent again in the background, after 2
   * s and then pauses doubling up to a minute, until Kafka acknowledges it or the study's partition
   * is handed over (its next owner rebuilds the study from the topics and requests again what is
   * missing) or the service stops (the same, at its restart). A study's creation is the exception:
   * its caller answers that Kafka refused it (then nothing was created, and a creation sent again
   * later would contradict that answer) or did not answer in time.
   */
  public CompletionStage<Void> publish(List<Event> events) {
    CompletableFuture<?>[] sent = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      CompletableFuture<Void> f = sendOnce(e);
      if (!(e instanceof StudyCreated)) {
        f.whenComplete(
            (v, x) -> {
              if (x != null) {
                resendLater(e, Resend.FIRST, 1, x);
              }
            });
      }
      sent[i] = f;
    }
    return CompletableFuture.allOf(sent);
  }

  /** One attempt to send an event; completes when Kafka acknowledged it. */
  private CompletableFuture<Void> sendOnce(Event e) {
    CompletableFuture<Void> f;
    if (e instanceof TrialRequested t) {
      f = sendTrial(t);
    } else if (e instanceof TrialPruned p) {
      f = sendPruned(p);
    } else {
      f = studyTopic.send(Record.of(e.studyId(), EventCodec.encode(e))).toCompletableFuture();
    }
    unacked.add(f);
    f.whenComplete((v, x) -> unacked.remove(f));
    return f;
  }

  /**
   * Sends a refused event again after {@code pause}, under the hand-over lock so that a partition
   * handed over meanwhile is seen: then, or when the service stops, it is left to the rebuild.
   */
  private void resendLater(Event e, Duration pause, int failures, Throwable why) {
    String what = describe(e);
    Counter.builder(Resend.METRIC)
        .description(Resend.METRIC_DESCRIPTION)
        .tag(
            "topic",
            e instanceof TrialRequested || e instanceof TrialPruned
                ? Topics.TRIALS
                : Topics.STUDIES)
        .register(registry)
        .increment();
    LOG.warnf(
        "Kafka did not acknowledge %s (%d times, last: %s); sending it again in %d s",
        what, failures, Resend.reason(why), pause.toSeconds());
    CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              CompletableFuture<Void> f;
              handover.readLock().lock();
              try {
                if (closing || !partitions.owns(e.studyId())) {
                  LOG.warnf(
                      "%s not sent again: %s; its study's next driver rebuilds it from the topics",
                      what, closing ? "the optimizer stops" : "its study is driven elsewhere now");
                  return;
                }
                f = sendOnce(e);
              } finally {
                handover.readLock().unlock();
              }
              f.whenComplete(
                  (v, x) -> {
                    if (x == null) {
                      LOG.infof("%s sent after %d refusals", what, failures);
                    } else {
                      resendLater(e, Resend.next(pause), failures + 1, x);
                    }
                  });
            });
  }

  private static String describe(Event e) {
    if (e instanceof TrialRequested t) {
      return "the request of trial " + t.trialNumber() + " of study " + t.studyId();
    }
    if (e instanceof TrialPruned p) {
      return "the pruning of trial " + p.trialNumber() + " of study " + p.studyId();
    }
    return e.getClass().getSimpleName() + " of study " + e.studyId();
  }

  private CompletableFuture<Void> sendTrial(TrialRequested t) {
    String key = trialKey(t);
    OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> meta =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
    int partition = balancer.place(key);
    if (partition >= 0) {
      meta.withPartition(partition);
    }
    return sendOnTrials(EventCodec.encode(t), meta.build());
  }

  /** A pruned trial, under its trial's key (Kafka chooses the partition: nothing runs it). */
  private CompletableFuture<Void> sendPruned(TrialPruned p) {
    return sendOnTrials(
        EventCodec.encode(p),
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(p.studyId() + "/" + p.trialNumber())
            .build());
  }

  /** Sends a record on the trials topic; completes when Kafka acknowledged it. */
  private CompletableFuture<Void> sendOnTrials(
      String json, OutgoingKafkaRecordMetadata<String> meta) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    trials.send(
        Message.of(json)
            .addMetadata(meta)
            .withAck(
                () -> {
                  acked.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                failure -> {
                  acked.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                }));
    return acked;
  }

  /** The record key of a trial: {@code studyId/trialNumber}. */
  static String trialKey(TrialRequested t) {
    return t.studyId() + "/" + t.trialNumber();
  }

  @Incoming("results")
  public CompletionStage<Void> onResult(String json) {
    // unreadable, or not a TrialCompleted: dead-lettered with the reason
    TrialCompleted t = (TrialCompleted) EventCodec.decodeOn(Topics.RESULTS, json);
    // a result replayed by the rebuild too is a repeat and changes nothing
    return recovered.thenCompose(
        v ->
            decideAndPublish(
                    () -> {
                      balancer.done(t.studyId() + "/" + t.trialNumber());
                      return studies.onResult(t);
                    })
                // the result is applied: what Kafka refused of its follow-ups is sent again
                // (publish), so it is acknowledged, never dead-lettered
                .exceptionally(x -> null));
  }
}
