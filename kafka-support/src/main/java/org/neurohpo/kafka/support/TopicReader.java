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
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of some topics from the beginning, in no consumer group and committing
 * nothing: first the history (the records there when it started), then, if asked, live records.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> parts = new ArrayList<>();
  private Map<TopicPartition, Long> end = Map.of();

  /**
   * A tail, or one IllegalArgumentException naming Kafka when it cannot be reached or refuses the
   * client ({@code security}: the client's security settings, e.g. of {@code --kafka-config}).
   */
  public static TopicReader open(
      String bootstrap, Map<String, String> security, List<String> topics) {
    ListenerCheck.requireMatchingTls(bootstrap, security);
    try {
      return new TopicReader(bootstrap, security, topics);
    } catch (AuthenticationException e) {
      throw new IllegalArgumentException(
          "Kafka at " + bootstrap + " refused the client: " + e.getMessage());
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new IllegalArgumentException(
          "cannot reach Kafka at "
              + bootstrap
              + ": "
              + e.getMessage()
              + (security.isEmpty()
                  ? " (a cluster that wants TLS or a login needs --kafka-config FILE)"
                  : ""));
    }
  }

  /** Assigns every existing partition of {@code topics}; none if they do not exist (yet). */
  public TopicReader(String bootstrap, Map<String, String> security, List<String> topics) {
    Map<String, Object> config = new HashMap<>(security);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    try {
      Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(15));
      for (String t : topics) {
        existing
            .getOrDefault(t, List.of())
            .forEach(p -> parts.add(new TopicPartition(t, p.partition())));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      end = consumer.endOffsets(parts);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The records that were there when this tail was made, in offset order per partition. */
  public List<ConsumerRecord<String, String>> history() {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      consumer.poll(Duration.ofMillis(200)).forEach(out::add);
    }
    return out;
  }

  /** Hands on records as they arrive (after the history) for up to {@code wait}. */
  public void poll(Duration wait, Consumer<ConsumerRecord<String, String>> sink) {
    consumer.poll(wait).forEach(sink);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
