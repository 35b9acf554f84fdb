package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurohpo.deploy.DeployFiles.Doc;

/**
 * The manifests as {@code kubectl kustomize} renders them (each kustomization's resources, its
 * namespace set) read strictly into the typed models of pinned releases, so a misspelt or misplaced
 * field, or a value of the wrong type, fails the build: Kubernetes kinds into fabric8
 * kubernetes-model 7.5.2 (Kubernetes 1.33 API), Strimzi kinds into Strimzi's api 0.49.0. Both keep
 * unknown fields in additionalProperties, which must stay empty everywhere. KEDA publishes no such
 * model on Maven Central (npm's @kubernetes-models/keda has only compiled validators that accept
 * unknown fields): its ScaledObject is checked against the fields of KEDA 2.17's CRD listed here,
 * and its HPA behavior block against the Kubernetes model.
 */
class KubernetesSchemaTest {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** apiVersion/kind to the model class of the pinned release. */
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "v1/Namespace", Namespace.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
          "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
          "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class);

  /** The fields of KEDA 2.17's ScaledObject (keda.sh/v1alpha1), by path ("*" any key). */
  private static final Map<String, Set<String>> KEDA_SCALED_OBJECT =
      Map.of(
          "",
          Set.of("apiVersion", "kind", "metadata", "spec"),
          "/spec",
          Set.of(
              "scaleTargetRef",
              "pollingInterval",
              "initialCooldownPeriod",
              "cooldownPeriod",
              "idleReplicaCount",
              "minReplicaCount",
              "maxReplicaCount",
              "fallback",
              "advanced",
              "triggers"),
          "/spec/scaleTargetRef",
          Set.of("apiVersion", "kind", "name", "envSourceContainerName"),
          "/spec/advanced",
          Set.of(
              "restoreToOriginalReplicaCount", "horizontalPodAutoscalerConfig", "scalingModifiers"),
          "/spec/advanced/horizontalPodAutoscalerConfig",
          Set.of("name", "behavior"),
          "/spec/triggers/*",
          Set.of("type", "name", "metadata", "authenticationRef", "metricType", "useCachedMetrics"),
          "/spec/triggers/*/authenticationRef",
          Set.of("name", "kind"));

  /** Every document of every kustomization under deploy/k8s, as rendered. */
  static List<Doc> rendered() {
    List<Doc> docs = new ArrayList<>();
    for (Path dir : List.of(DeployFiles.k8sDir(), DeployFiles.k8sDir().resolve("kafka-cluster"))) {
      JsonNode k = DeployFiles.read(dir.resolve("kustomization.yaml")).get(0).node();
      String namespace = k.path("namespace").asText("");
      for (JsonNode resource : k.path("resources")) {
        for (Doc d : DeployFiles.read(dir.resolve(resource.asText()))) {
          if (!namespace.isEmpty() && !d.kind().equals("Namespace")) {
            ((ObjectNode) d.node().with("metadata")).put("namespace", namespace);
          }
          docs.add(d);
        }
      }
    }
    return docs;
  }

  @Test
  void everyRenderedManifestFitsTheModelOfItsKind() {
    List<String> problems = new ArrayList<>();
    List<Doc> docs = rendered();
    assertThat(docs).as("rendered manifests").hasSizeGreaterThan(10);
    for (Doc d : docs) {
      problems.addAll(problems(d));
    }
    assertThat(problems).as("manifests vs the Kubernetes, Strimzi and KEDA models").isEmpty();
  }

  @Test
  void aMisspeltFieldIsFound() {
    Doc evaluator = DeployFiles.k8s("Deployment", "evaluator");
    ((ObjectNode) evaluator.node().path("spec")).put("replcas", 2);
    ((ObjectNode) evaluator.node().at("/spec/template/spec/containers/0"))
        .put("imagePullPolicyy", "x");
    assertThat(problems(evaluator))
        .as("a Deployment with spec.replcas and a container's imagePullPolicyy")
        .anyMatch(p -> p.contains("replcas"))
        .anyMatch(p -> p.contains("imagePullPolicyy"));
    Doc topic = DeployFiles.k8s("KafkaTopic", "neurohpo-studies-v1");
    ((ObjectNode) topic.node().path("spec")).put("partition", 3);
    assertThat(problems(topic))
        .as("a KafkaTopic with spec.partition")
        .anyMatch(p -> p.contains("partition"));
    Doc scaled = DeployFiles.k8s("ScaledObject", "evaluator");
    ((ObjectNode) scaled.node().path("spec")).put("maxReplicas", 3);
    assertThat(problems(scaled))
        .as("a ScaledObject with spec.maxReplicas")
        .anyMatch(p -> p.contains("maxReplicas"));
    Doc wrongType = DeployFiles.k8s("Deployment", "optimizer");
    ((ObjectNode) wrongType.node().path("spec")).put("replicas", "one");
    assertThat(problems(wrongType)).as("a Deployment with replicas: one").isNotEmpty();
  }

  /** What is wrong with one document, "file: Kind name: problem" each. */
  static List<String> problems(Doc d) {
    String type = d.node().path("apiVersion").asText() + "/" + d.kind();
    List<String> out = new ArrayList<>();
    if (type.equals("keda.sh/v1alpha1/ScaledObject")) {
      keda(d.node(), "", out);
      JsonNode behavior = d.node().at("/spec/advanced/horizontalPodAutoscalerConfig/behavior");
      if (!behavior.isMissingNode()) {
        read(
            behavior,
            HorizontalPodAutoscalerBehavior.class,
            "/spec/advanced/horizontalPodAutoscalerConfig/behavior",
            out);
      }
    } else if (MODELS.containsKey(type)) {
      read(d.node(), MODELS.get(type), "", out);
    } else {
      out.add("no model for " + type);
    }
    return out.stream().map(p -> d.where() + ": " + p).toList();
  }

  private static void read(JsonNode node, Class<?> model, String at, List<String> out) {
    Object value;
    try {
      value = STRICT.treeToValue(node, model);
    } catch (Exception e) {
      out.add(
          at
              + " does not read as "
              + model.getSimpleName()
              + ": "
              + e.getMessage().lines().findFirst().orElse(""));
      return;
    }
    unknownFields(value, at, out, new IdentityHashMap<>());
  }

  /** Every non-empty additionalProperties (fields the model does not know) below {@code o}. */
  private static void unknownFields(
      Object o, String at, List<String> out, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, Boolean.TRUE) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        unknownFields(item, at + "/" + i++, out, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> unknownFields(v, at + "/" + k, out, seen));
      return;
    }
    String pkg = o.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() == Object.class
          || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
        continue;
      }
      Object v;
      try {
        v = m.invoke(o);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> out.add("unknown field " + at + "/" + k));
        }
        continue;
      }
      String name = m.getName().replaceFirst("^(get|is)", "");
      name = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
      unknownFields(v, at + "/" + name, out, seen);
    }
  }

  private static void keda(JsonNode node, String at, List<String> out) {
    String pattern = at.replaceAll("/triggers/[0-9]+", "/triggers/*");
    Set<String> known = KEDA_SCALED_OBJECT.get(pattern);
    if (known == null || !node.isObject()) {
      return; // metadata, trigger metadata (free-form), behavior (checked by the HPA model)
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                out.add("unknown field " + at + "/" + f + " (KEDA ScaledObject)");
              }
            });
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                  keda(e.getValue().get(i), at + "/" + e.getKey() + "/" + i, out);
                }
              } else {
                keda(e.getValue(), at + "/" + e.getKey(), out);
              }
            });
    if (pattern.isEmpty()) {
      read(
          node.path("metadata"),
          io.fabric8.kubernetes.api.model.ObjectMeta.class,
          "/metadata",
          out);
    }
  }
}
