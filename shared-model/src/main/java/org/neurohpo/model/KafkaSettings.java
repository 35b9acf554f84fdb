package org.neurohpo.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a plain Kafka client that a service makes besides its messaging channels (to read
 * a topic from the beginning, or to create a topic): the service's own Kafka settings (bootstrap
 * servers, SASL and TLS), those a client of that kind knows, with its own client id and no group.
 * Plain Java: the caller passes the kind's setting names (e.g. {@code
 * ConsumerConfig.configNames()}).
 */
public final class KafkaSettings {
  private KafkaSettings() {}

  public static Map<String, Object> forClient(
      Map<String, Object> serviceKafka, Set<String> clientSettingNames, String clientId) {
    Map<String, Object> config = new HashMap<>();
    serviceKafka.forEach(
        (k, v) -> {
          if (clientSettingNames.contains(k)
              || k.startsWith("sasl.")
              || k.startsWith("ssl.")
              || k.equals("security.protocol")) {
            config.put(k, v);
          }
        });
    config.remove("group.id");
    config.remove("group.instance.id");
    config.put("client.id", clientId);
    return config;
  }
}
