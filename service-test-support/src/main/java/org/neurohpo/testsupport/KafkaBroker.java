package org.neurohpo.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.neurohpo.kafka.local.KafkaLocal;
import org.neurohpo.kafka.local.TopicProbe;

/**
 * A real single-node Kafka broker for a Quarkus test's lifetime; the service under test gets its
 * address as {@code kafka.bootstrap.servers}.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {
  private static KafkaLocal broker;

  @Override
  public Map<String, String> start() {
    broker = KafkaLocal.builder().start();
    return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
  }

  @Override
  public void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  /** The running broker's address. */
  public static String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** A probe to send and read records on the running broker. */
  public static TopicProbe probe() {
    return new TopicProbe(broker.bootstrapServers());
  }
}
