package org.neurohpo.evaluator.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.KafkaSettings;
import org.neurohpo.model.Topics;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.data.DatasetException;
import org.neurohpo.neuro.data.Datasets;

/**
 * Loads registered data sets from the compacted data-set topic, so a user's data set reaches every
 * evaluator with no shared disk. A data set not cached is looked for by reading the topic (it holds
 * one record per data set); what is read is checked against its id (the SHA-256 of its content) and
 * kept, the {@code capacity} most recently used at most. Thread-safe.
 */
final class DatasetStore {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> kafka;
  private final int capacity;
  private final Map<String, Dataset> cache;

  DatasetStore(Map<String, Object> kafka, int capacity) {
    this.kafka = kafka;
    this.capacity = capacity;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
            return size() > DatasetStore.this.capacity;
          }
        };
  }

  /** A built-in data set by name, or a registered one by id; the error is one line. */
  Dataset load(String nameOrId) {
    if (!DatasetRegistered.isId(nameOrId)) {
      return Datasets.named(nameOrId);
    }
    synchronized (this) {
      Dataset d = cache.get(nameOrId);
      if (d != null) {
        return d;
      }
      DatasetRegistered found = find(nameOrId);
      if (found == null) {
        throw new DatasetException("unknown data set '" + nameOrId + "' (not registered)");
      }
      d = Datasets.fromCsv(found.name(), found.csv());
      cache.put(nameOrId, d);
      return d;
    }
  }

  private DatasetRegistered find(String id) {
    Map<String, Object> config =
        KafkaSettings.forClient(kafka, ConsumerConfig.configNames(), "neurohpo-evaluator-datasets");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<PartitionInfo> infos =
          consumer.listTopics(TIMEOUT).getOrDefault(Topics.DATASETS, List.of());
      List<TopicPartition> parts =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (parts.isEmpty()) {
        return null;
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
      DatasetRegistered found = null;
      while (found == null && !atEnd(consumer, end)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (id.equals(r.key())) {
            try {
              DatasetRegistered d = DatasetRegistered.decode(r.value());
              if (d.id().equals(id)) { // the record's content matches its id (checked on decode)
                found = d;
              }
            } catch (EventCodec.MalformedEventException e) {
              // a record that is not a valid data set under this key: keep looking
            }
          }
        }
      }
      return found;
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new DatasetException(
          "cannot read data set " + id + " from Kafka: " + e.getClass().getSimpleName());
    }
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
