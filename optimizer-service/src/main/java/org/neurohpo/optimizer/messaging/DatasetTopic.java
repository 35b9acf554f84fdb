package org.neurohpo.optimizer.messaging;

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
import org.neurohpo.model.Topics;

/**
 * Creates the data-set topic when it is missing, compacted and kept forever: registered data sets
 * must outlive any retention (a broker that creates topics on first use would make it an ordinary
 * topic that deletes them after a week). Deployments that create their topics (compose, Strimzi)
 * create it the same way.
 */
final class DatasetTopic {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private DatasetTopic() {}

  static void ensure(Map<String, Object> kafka)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> config =
        KafkaSettings.forClient(
            kafka, AdminClientConfig.configNames(), "neurohpo-optimizer-topics");
    try (Admin admin = Admin.create(config)) {
      if (admin
          .listTopics()
          .names()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .contains(Topics.DATASETS)) {
        return;
      }
      NewTopic topic =
          new NewTopic(Topics.DATASETS, java.util.Optional.of(1), java.util.Optional.empty())
              .configs(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
      try {
        admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }
}
