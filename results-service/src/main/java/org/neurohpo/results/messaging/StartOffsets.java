package org.neurohpo.results.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.neurohpo.model.KafkaSettings;
import org.neurohpo.results.service.ReplayState;

/**
 * Reads, with a plain consumer that joins no group, what the topics hold when the service starts:
 * the end offset of every partition that has records, and the highest offset of each source
 * partition that was dead-lettered already (from the {@code dead-letter-topic}, {@code
 * dead-letter-partition} and {@code dead-letter-offset} headers of the dead-letter topics). The
 * Kafka settings (bootstrap servers, security) are the service's own.
 */
final class StartOffsets {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StartOffsets() {}

  record Found(Map<String, Long> endOffsets, Map<String, Long> deadLettered) {}

  static Found read(Map<String, Object> kafka, List<String> topics, List<String> deadLetterTopics) {
    Map<String, Object> config =
        KafkaSettings.forClient(kafka, ConsumerConfig.configNames(), "neurohpo-results-start");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      Map<String, List<PartitionInfo>> existing = consumer.listTopics(TIMEOUT);
      Map<String, Long> ends = new HashMap<>();
      List<TopicPartition> parts = partitions(existing, topics);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
      for (TopicPartition tp : parts) {
        if (end.get(tp) > begin.get(tp)) {
          ends.put(ReplayState.partitionKey(tp.topic(), tp.partition()), end.get(tp));
        }
      }
      return new Found(ends, deadLettered(consumer, partitions(existing, deadLetterTopics)));
    }
  }

  private static List<TopicPartition> partitions(
      Map<String, List<PartitionInfo>> existing, List<String> topics) {
    List<TopicPartition> parts = new ArrayList<>();
    for (String t : topics) {
      for (PartitionInfo p : existing.getOrDefault(t, List.of())) {
        parts.add(new TopicPartition(t, p.partition()));
      }
    }
    return parts;
  }

  private static Map<String, Long> deadLettered(
      KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts) {
    Map<String, Long> upTo = new HashMap<>();
    if (parts.isEmpty()) {
      return upTo;
    }
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
    while (!atEnd(consumer, end)) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        String topic = header(r, "dead-letter-topic");
        String partition = header(r, "dead-letter-partition");
        String offset = header(r, "dead-letter-offset");
        if (topic == null || partition == null || offset == null) {
          continue; // not written by a consumer of ours
        }
        try {
          upTo.merge(
              ReplayState.partitionKey(topic, Integer.parseInt(partition)),
              Long.parseLong(offset),
              Math::max);
        } catch (NumberFormatException e) {
          // a header nobody of ours wrote: not a record we dead-lettered
        }
      }
    }
    return upTo;
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), TIMEOUT) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
