package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.deploy.DeployFiles.Doc;
import org.neurohpo.model.Topics;

/** deploy/k8s: Strimzi topics for every topic, KEDA scaling that matches the evaluators. */
class KafkaTopicsAndScalingTest {
  static final String STRIMZI_API = "kafka.strimzi.io/v1beta2";
  static final String EVALUATOR = "evaluator-service";

  @Test
  void everyTopicAndDeadLetterTopicHasAKafkaTopic() {
    Map<String, Doc> topics = kafkaTopics();
    for (String topic : DeployFiles.allTopics()) {
      assertThat(topics).as("deploy/k8s: a KafkaTopic for %s", topic).containsKey(topic);
      Doc doc = topics.get(topic);
      assertThat(doc.node().path("apiVersion").asText())
          .as("%s: apiVersion", doc.where())
          .isEqualTo(STRIMZI_API);
      assertThat(doc.node().at("/spec/partitions").asInt())
          .as("%s: partitions", doc.where())
          .isPositive();
    }
  }

  @Test
  void everyKafkaTopicNamesTheStrimziClusterOfTheExample() {
    List<Doc> clusters = DeployFiles.read(DeployFiles.k8sDir().resolve("kafka-cluster/kafka.yaml"));
    Doc kafka = clusters.stream().filter(d -> d.kind().equals("Kafka")).findFirst().orElseThrow();
    for (Doc topic : kafkaTopics().values()) {
      assertThat(topic.node().at("/metadata/labels/strimzi.io~1cluster").asText())
          .as("%s: label strimzi.io/cluster vs %s", topic.where(), kafka.where())
          .isEqualTo(kafka.name());
    }
    int plainPort = 0;
    for (JsonNode l : kafka.node().at("/spec/kafka/listeners")) {
      if (!l.path("tls").asBoolean()) {
        plainPort = l.path("port").asInt();
      }
    }
    String bootstrap = kafkaBootstrap();
    assertThat(bootstrap)
        .as(
            "deploy/k8s ConfigMap KAFKA_BOOTSTRAP_SERVERS vs the plain listener of %s",
            kafka.where())
        .startsWith(kafka.name() + "-kafka-bootstrap")
        .endsWith(":" + plainPort);
  }

  /**
   * The topics ask for 2 in-sync replicas; that holds only for producers that wait for every
   * in-sync replica (SmallRye's default, acks=1, waits for the leader alone): every outgoing
   * channel, and every incoming channel that dead-letters (its dead-letter producer takes the
   * channel's acks).
   */
  @Test
  void everyProducerWaitsForEveryInSyncReplica() {
    int channels = 0;
    for (ServiceConfig service : DeployFiles.services()) {
      for (String key : service.properties().stringPropertyNames()) {
        String channel = key.replaceFirst("\\.connector$", "");
        boolean outgoing =
            key.startsWith("mp.messaging.outgoing.")
                && key.endsWith(".connector")
                && service.property(key).equals("smallrye-kafka");
        boolean deadLetters =
            key.startsWith("mp.messaging.incoming.")
                && key.endsWith(".failure-strategy")
                && service.property(key).equals("dead-letter-queue");
        if (deadLetters) {
          channel = key.replaceFirst("\\.failure-strategy$", "");
        }
        if (outgoing || deadLetters) {
          channels++;
          assertThat(service.properties().getProperty(channel + ".acks"))
              .as("%s: %s.acks", service.where(), channel)
              .isEqualTo("all");
        }
      }
    }
    assertThat(channels).as("producing channels found").isGreaterThanOrEqualTo(10);
  }

  @Test
  void studiesTopicIsCompacted() {
    Doc studies = kafkaTopics().get(Topics.STUDIES);
    assertThat(studies.node().at("/spec/config/cleanup.policy").asText())
        .as("%s: config cleanup.policy", studies.where())
        .isEqualTo("compact");
  }

  @Test
  void trialsTopicHasAPartitionForEveryEvaluatorKedaMayStart() {
    Doc trials = kafkaTopics().get(Topics.TRIALS);
    Doc scaled = DeployFiles.k8s("ScaledObject", "evaluator");
    int partitions = trials.node().at("/spec/partitions").asInt();
    int max = scaled.node().at("/spec/maxReplicaCount").asInt();
    int min = scaled.node().at("/spec/minReplicaCount").asInt();
    assertThat(max).as("%s: maxReplicaCount", scaled.where()).isPositive();
    assertThat(min)
        .as("%s: minReplicaCount <= maxReplicaCount", scaled.where())
        .isLessThanOrEqualTo(max);
    assertThat(partitions)
        .as(
            "%s: partitions >= maxReplicaCount of %s (else evaluators sit idle)",
            trials.where(), scaled.where())
        .isGreaterThanOrEqualTo(max);
  }

  @Test
  void kedaScalesTheEvaluatorsOnTheirConsumerGroupAndTopic() {
    ServiceConfig evaluator = DeployFiles.service(EVALUATOR);
    Doc scaled = DeployFiles.k8s("ScaledObject", "evaluator");
    assertThat(scaled.node().path("apiVersion").asText())
        .as("%s: apiVersion", scaled.where())
        .isEqualTo("keda.sh/v1alpha1");
    JsonNode target = scaled.node().at("/spec/scaleTargetRef");
    assertThat(target.path("name").asText())
        .as("%s: scaleTargetRef.name", scaled.where())
        .isEqualTo(DeployFiles.k8s("Deployment", evaluator.shortName()).name());
    assertThat(target.path("kind").asText("Deployment"))
        .as("%s: scaleTargetRef.kind", scaled.where())
        .isEqualTo("Deployment");

    JsonNode triggers = scaled.node().at("/spec/triggers");
    assertThat(triggers.size()).as("%s: triggers", scaled.where()).isEqualTo(1);
    JsonNode trigger = triggers.get(0);
    JsonNode meta = trigger.path("metadata");
    assertThat(trigger.path("type").asText())
        .as("%s: trigger type", scaled.where())
        .isEqualTo("kafka");
    assertThat(meta.path("consumerGroup").asText())
        .as("%s: consumerGroup vs %s", scaled.where(), evaluator.where())
        .isEqualTo(evaluator.property("mp.messaging.incoming.trials.group.id"));
    assertThat(meta.path("topic").asText())
        .as("%s: topic vs %s", scaled.where(), evaluator.where())
        .isEqualTo(evaluator.property("mp.messaging.incoming.trials.topic"))
        .isEqualTo(Topics.TRIALS);
    assertThat(meta.path("offsetResetPolicy").asText("latest"))
        .as("%s: offsetResetPolicy vs %s", scaled.where(), evaluator.where())
        .isEqualTo(evaluator.property("mp.messaging.incoming.trials.auto.offset.reset"));
    assertThat(Integer.parseInt(meta.path("lagThreshold").asText("0")))
        .as("%s: lagThreshold", scaled.where())
        .isPositive();
    assertThat(meta.path("bootstrapServers").asText())
        .as("%s: bootstrapServers vs the ConfigMap", scaled.where())
        .isEqualTo(kafkaBootstrap());
  }

  /** KAFKA_BOOTSTRAP_SERVERS of the one ConfigMap that sets it. */
  private static String kafkaBootstrap() {
    List<String> values =
        DeployFiles.k8s("ConfigMap").stream()
            .map(d -> d.node().at("/data/KAFKA_BOOTSTRAP_SERVERS").asText())
            .filter(v -> !v.isBlank())
            .toList();
    assertThat(values).as("deploy/k8s: ConfigMaps setting KAFKA_BOOTSTRAP_SERVERS").hasSize(1);
    return values.get(0);
  }

  /** KafkaTopic documents by topic name (spec.topicName, else metadata.name). */
  private static Map<String, Doc> kafkaTopics() {
    Map<String, Doc> topics = new LinkedHashMap<>();
    for (Doc d : DeployFiles.k8s("KafkaTopic")) {
      String name = d.node().at("/spec/topicName").asText(d.name());
      assertThat(topics).as("%s: topic %s defined twice", d.where(), name).doesNotContainKey(name);
      topics.put(name, d);
    }
    return topics;
  }
}
