package org.neurohpo.kafka.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.neurohpo.model.KafkaSettings;

/**
 * Creates a topic that must outlive any retention when it is missing: compacted and kept forever (a
 * broker that creates topics on first use would make it an ordinary topic that deletes its records
 * after a week). The data-set and archive topics; deployments that create their topics (compose,
 * Strimzi) create them the same way.
 */
public final class CompactedTopic {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private CompactedTopic() {}

  /** Creates {@code topic} (one partition, compacted, kept forever) unless it exists. */
  public static void ensure(Map<String, Object> kafka, String topic, String clientId)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> config =
        KafkaSettings.forClient(kafka, AdminClientConfig.configNames(), clientId);
    try (Admin admin = Admin.create(config)) {
      if (admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      NewTopic created =
          new NewTopic(topic, java.util.Optional.of(1), java.util.Optional.empty())
              .configs(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
      try {
        admin.createTopics(List.of(created)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }
}
