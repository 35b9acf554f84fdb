package org.neurohpo.kafka.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.neurohpo.model.KafkaSettings;

/**
 * Reads topics from their beginning up to the end they had when reading started, with a plain
 * consumer that joins no group and commits nothing. The Kafka settings (bootstrap servers,
 * security) are the service's own.
 */
public final class TopicHistory {

  private TopicHistory() {}

  /** One record read: where it was and its value. */
  public record Entry(String topic, int partition, String value) {}

  /**
   * Calls {@code sink} for every record, in offset order per partition; returns the number of
   * partitions of each topic that exists.
   */
  public static Map<String, Integer> read(
      Map<String, Object> kafka, String clientId, List<String> topics, Consumer<Entry> sink) {
    Map<String, Object> config =
        KafkaSettings.forClient(kafka, ConsumerConfig.configNames(), clientId);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> parts = new ArrayList<>();
      Map<String, Integer> counts = new HashMap<>();
      Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
      for (String t : topics) {
        for (PartitionInfo p : existing.getOrDefault(t, List.of())) {
          parts.add(new TopicPartition(t, p.partition()));
          counts.merge(t, 1, Integer::sum);
        }
      }
      if (parts.isEmpty()) {
        return counts;
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
      while (!atEnd(consumer, end)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            sink.accept(new Entry(r.topic(), r.partition(), r.value()));
          }
        }
      }
      return counts;
    }
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
