package org.neurohpo.optimizer.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.service.DatasetRegistry;
import org.neurohpo.optimizer.service.History;
import org.neurohpo.optimizer.service.Studies;

/**
 * The optimizer's Kafka edge: publishes study and trial events, consumes trial results. When the
 * service starts it first rebuilds its studies from the topics (studies, trials, results, read from
 * the beginning) and publishes what running studies still need; results wait for that, and the
 * service is not ready before it is done.
 */
@ApplicationScoped
@Startup // registers its metrics and recovers at start, not at first use
public class StudyEvents {
  private static final Logger LOG = Logger.getLogger(StudyEvents.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Studies studies;
  private final CompletableFuture<Void> recovered = new CompletableFuture<>();

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  @Inject
  @Channel("trials")
  Emitter<String> trials;

  /** Set by the recovery, before anything is published. */
  private volatile PartitionBalancer balancer = new PartitionBalancer(0);

  @Inject
  @Channel("studies")
  Emitter<Record<String, String>> studyTopic;

  @Inject
  @Channel("datasets")
  Emitter<Record<String, String>> datasetTopic;

  private final DatasetRegistry datasets = new DatasetRegistry();

  @Inject
  public StudyEvents(OptimizerConfig config, MeterRegistry registry) {
    this.studies = new Studies(config.inFlight(), config.gridLevels());
    Gauge.builder("neurohpo.trials.in.flight", studies, Studies::inFlight)
        .description("trials published and not yet completed, over all studies")
        .register(registry);
  }

  void onStart(@Observes StartupEvent ev) {
    Thread t = new Thread(this::recover, "neurohpo-optimizer-recovery");
    t.setDaemon(true);
    t.start();
  }

  /** Reads the topics until it succeeds (the broker may not be up yet), then restores. */
  private void recover() {
    while (!recovered.isDone()) {
      try {
        History history = new History();
        int[] unreadable = {0};
        Map<String, Integer> trialPartitions = new HashMap<>();
        DatasetTopic.ensure(kafka);
        Map<String, Integer> partitions =
            TopicHistory.read(
                kafka,
                List.of(Topics.DATASETS, Topics.STUDIES, Topics.TRIALS, Topics.RESULTS),
                entry -> {
                  if (entry.topic().equals(Topics.DATASETS)) {
                    try {
                      datasets.add(DatasetRegistered.decode(entry.value()));
                    } catch (EventCodec.MalformedEventException e) {
                      unreadable[0]++;
                    }
                    return;
                  }
                  try {
                    // an event of a type that does not belong on its topic is never applied
                    Event e = EventCodec.decodeOn(entry.topic(), entry.value());
                    history.accept(e);
                    if (e instanceof TrialRequested t) {
                      trialPartitions.put(trialKey(t), entry.partition());
                    }
                  } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
                    unreadable[0]++; // dead-lettered by the topic's consumer; nothing to rebuild
                  }
                });
        PartitionBalancer b = new PartitionBalancer(partitions.getOrDefault(Topics.TRIALS, 0));
        for (History.Study st : history.studies()) {
          Set<Integer> done = new HashSet<>();
          st.completed().forEach(t -> done.add(t.trialNumber()));
          for (TrialRequested t : st.requested()) {
            if (!done.contains(t.trialNumber())) {
              b.placed(trialKey(t), trialPartitions.getOrDefault(trialKey(t), -1));
            }
          }
        }
        balancer = b;
        List<Event> todo = studies.restore(history);
        publish(todo).toCompletableFuture().get();
        LOG.infof(
            "recovered %d studies from the topics (%d unreadable records skipped, %d studies that"
                + " cannot be restored), published %d events",
            history.studies().size(), unreadable[0], studies.unrestorable(), todo.size());
        recovered.complete(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warnf("recovery from the topics failed, retrying in %s: %s", RETRY, e.toString());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The registered data sets (rebuilt from their topic, then added to by the API). */
  public DatasetRegistry datasets() {
    return datasets;
  }

  /** Publishes a registered data set, keyed by its id; completes when Kafka acknowledged it. */
  public CompletionStage<Void> publish(DatasetRegistered d) {
    return datasetTopic.send(Record.of(d.id(), d.encode()));
  }

  /** Completes once the studies of earlier runs are rebuilt from the topics. */
  public CompletableFuture<Void> recovered() {
    return recovered;
  }

  public Studies studies() {
    return studies;
  }

  /**
   * Publishes events in order, each keyed by its study (trials by study and trial, on the partition
   * with the fewest trials in flight); completes when all are acknowledged.
   */
  public CompletionStage<Void> publish(List<Event> events) {
    CompletableFuture<?>[] sent = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (e instanceof TrialRequested t) {
        sent[i] = sendTrial(t);
      } else {
        sent[i] =
            studyTopic.send(Record.of(e.studyId(), EventCodec.encode(e))).toCompletableFuture();
      }
    }
    return CompletableFuture.allOf(sent);
  }

  private CompletableFuture<Void> sendTrial(TrialRequested t) {
    String key = trialKey(t);
    OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> meta =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
    int partition = balancer.place(key);
    if (partition >= 0) {
      meta.withPartition(partition);
    }
    CompletableFuture<Void> acked = new CompletableFuture<>();
    trials.send(
        Message.of(EventCodec.encode(t))
            .addMetadata(meta.build())
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
    // a result replayed by the recovery too is a repeat and changes nothing
    return recovered.thenCompose(
        v -> {
          balancer.done(t.studyId() + "/" + t.trialNumber());
          return publish(studies.onResult(t));
        });
  }
}
