package org.neurohpo.kafka.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.neurohpo.model.KafkaSettings;

/**
 * Follows topics from their beginning for as long as the service runs, with a plain consumer that
 * joins no group and commits nothing: every optimizer reads every record of them (the studies and
 * the data sets of the whole cluster). Partitions and topics that appear later are picked up within
 * {@link #REFRESH}. {@link #caughtUp()} completes once the records the topics held when the tail
 * started are read.
 */
public final class TopicTail implements AutoCloseable {
  static final Duration REFRESH = Duration.ofSeconds(5);

  private final KafkaConsumer<String, String> consumer;
  private final List<String> topics;
  private final Consumer<TopicHistory.Entry> sink;
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private Map<TopicPartition, Long> startEnd;

  public TopicTail(
      Map<String, Object> kafka,
      String clientId,
      List<String> topics,
      Consumer<TopicHistory.Entry> sink) {
    Map<String, Object> config =
        KafkaSettings.forClient(kafka, ConsumerConfig.configNames(), clientId);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(config);
    this.topics = List.copyOf(topics);
    this.sink = sink;
  }

  public CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  /** Reads until {@link #close()} (from another thread); throws on a broker failure. */
  public void run() {
    long nextRefresh = 0;
    try {
      while (true) {
        if (System.nanoTime() >= nextRefresh) {
          refresh();
          nextRefresh = System.nanoTime() + REFRESH.toNanos();
        }
        if (assigned.isEmpty()) {
          Thread.sleep(200);
          continue;
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          sink.accept(new TopicHistory.Entry(r.topic(), r.partition(), r.value()));
        }
        if (!caughtUp.isDone() && atStartEnd()) {
          caughtUp.complete(null);
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void refresh() {
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
    List<TopicPartition> added = new ArrayList<>();
    for (String t : topics) {
      for (PartitionInfo p : existing.getOrDefault(t, List.of())) {
        TopicPartition tp = new TopicPartition(t, p.partition());
        if (assigned.add(tp)) {
          added.add(tp);
        }
      }
    }
    if (!added.isEmpty()) {
      consumer.assign(new ArrayList<>(assigned));
      consumer.seekToBeginning(added);
    }
    if (startEnd == null) {
      startEnd =
          assigned.isEmpty()
              ? new HashMap<>()
              : new HashMap<>(consumer.endOffsets(assigned, Duration.ofSeconds(30)));
      if (startEnd.isEmpty()) {
        caughtUp.complete(null); // nothing written yet
      }
    }
  }

  private boolean atStartEnd() {
    for (Map.Entry<TopicPartition, Long> e : startEnd.entrySet()) {
      if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.wakeup();
  }
}
