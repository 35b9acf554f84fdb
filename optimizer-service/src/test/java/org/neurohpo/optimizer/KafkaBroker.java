package org.neurohpo.optimizer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.neurohpo.kafka.local.KafkaLocal;

/** A real single-node Kafka broker for the test's lifetime. */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {
  static KafkaLocal broker;

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
}
