package org.neurohpo.kafka.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes and reads string records of any topic with plain kafka-clients: for tests and tools that
 * look at what the services publish.
 */
public final class TopicProbe {
  private final String bootstrap;
  private final Map<String, String> clientSettings;

  public TopicProbe(String bootstrapServers) {
    this(bootstrapServers, Map.of());
  }

  /**
   * A probe of a broker that wants these client settings, e.g. {@link KafkaLocal#clientSettings}.
   */
  public TopicProbe(String bootstrapServers, Map<String, String> clientSettings) {
    this.bootstrap = bootstrapServers;
    this.clientSettings = Map.copyOf(clientSettings);
  }

  /** The probe's own settings, then the given client settings, which win. */
  private Map<String, Object> config(Map<String, Object> own) {
    Map<String, Object> c = new HashMap<>(own);
    c.putAll(clientSettings);
    c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return c;
  }

  /** Sends one record and waits until the broker has it. */
  public void send(String topic, String key, String value) {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            config(
                Map.of(
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    // a broker that refuses the client fails the send, rather than blocking a
                    // minute
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    30_000)),
            new StringSerializer(),
            new StringSerializer())) {
      p.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + topic + ": " + e.getCause(), e);
    }
  }

  /** Creates the topic with the broker's defaults, unless it exists. */
  public void createIfAbsent(String topic) {
    try (Admin admin = Admin.create(new HashMap<>(config(Map.of())))) {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getCause(), e);
      }
    }
  }

  /**
   * Sets a topic's config {@code key} to {@code value}, or with {@code null} removes it (the
   * broker's default holds again), and waits until the broker has it. Making a topic refuse writes
   * ({@code max.message.bytes} 16) shows what a service does when Kafka refuses its records.
   */
  public void topicConfig(String topic, String key, String value) {
    try (Admin admin = Admin.create(new HashMap<>(config(Map.of())))) {
      AlterConfigOp op =
          new AlterConfigOp(
              new ConfigEntry(key, value),
              value == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
      Map<ConfigResource, Collection<AlterConfigOp>> ops =
          Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(op));
      admin.incrementalAlterConfigs(ops).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot configure " + topic + ": " + e.getCause(), e);
    }
  }

  /**
   * Reads the topic from its beginning until {@code max} records arrived or {@code wait} passed
   * (waiting the whole time shows that no more than expected arrive).
   */
  public List<ConsumerRecord<String, String>> read(String topic, int max, Duration wait) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            config(
                Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "probe-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest")),
            new StringDeserializer(),
            new StringDeserializer())) {
      c.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + wait.toNanos();
      while (out.size() < max && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
