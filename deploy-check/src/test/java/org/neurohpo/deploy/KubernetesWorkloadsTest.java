package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.neurohpo.deploy.DeployFiles.Doc;

/** deploy/k8s: Deployments and Services agree with each service's configuration. */
class KubernetesWorkloadsTest {
  static final List<String> MODULES = DeployFiles.SERVICE_MODULES;

  @ParameterizedTest
  @FieldSource("MODULES")
  void deploymentRunsTheJibImageOnTheHttpPort(String module) {
    ServiceConfig config = DeployFiles.service(module);
    Doc deployment = DeployFiles.k8s("Deployment", config.shortName());
    JsonNode container = container(deployment);
    assertThat(container.path("image").asText())
        .as("%s: image vs %s", deployment.where(), config.where())
        .isEqualTo(config.image());
    assertThat(container.path("ports").path(0).path("containerPort").asInt())
        .as("%s: containerPort vs quarkus.http.port of %s", deployment.where(), config.where())
        .isEqualTo(config.httpPort());
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void probesAskTheHealthPathsOnTheHttpPort(String module) {
    ServiceConfig config = DeployFiles.service(module);
    Doc deployment = DeployFiles.k8s("Deployment", config.shortName());
    JsonNode container = container(deployment);
    for (String[] probe :
        List.of(
            new String[] {"livenessProbe", DeployFiles.LIVE_PATH},
            new String[] {"readinessProbe", DeployFiles.READY_PATH})) {
      JsonNode get = container.path(probe[0]).path("httpGet");
      assertThat(get.path("path").asText())
          .as("%s: %s path", deployment.where(), probe[0])
          .isEqualTo(probe[1]);
      assertThat(port(container, get.path("port")))
          .as(
              "%s: %s port vs quarkus.http.port of %s",
              deployment.where(), probe[0], config.where())
          .isEqualTo(config.httpPort());
    }
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void deploymentHasResourcesAndScrapeAnnotations(String module) {
    ServiceConfig config = DeployFiles.service(module);
    Doc deployment = DeployFiles.k8s("Deployment", config.shortName());
    JsonNode resources = container(deployment).path("resources");
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        assertThat(resources.path(bound).path(resource).asText())
            .as("%s: resources.%s.%s", deployment.where(), bound, resource)
            .isNotBlank();
      }
    }
    JsonNode annotations = deployment.node().at("/spec/template/metadata/annotations");
    assertThat(annotations.path("prometheus.io/scrape").asText())
        .as("%s: prometheus.io/scrape", deployment.where())
        .isEqualTo("true");
    assertThat(annotations.path("prometheus.io/path").asText())
        .as("%s: prometheus.io/path", deployment.where())
        .isEqualTo(DeployFiles.METRICS_PATH);
    assertThat(annotations.path("prometheus.io/port").asText())
        .as("%s: prometheus.io/port vs quarkus.http.port of %s", deployment.where(), config.where())
        .isEqualTo(String.valueOf(config.httpPort()));
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void serviceTargetsThePodsOnTheHttpPort(String module) {
    ServiceConfig config = DeployFiles.service(module);
    Doc service = DeployFiles.k8s("Service", config.shortName());
    Doc deployment = DeployFiles.k8s("Deployment", config.shortName());
    JsonNode ports = service.node().at("/spec/ports");
    assertThat(ports.size()).as("%s: ports", service.where()).isPositive();
    for (JsonNode p : ports) {
      assertThat(port(container(deployment), p.path("targetPort")))
          .as("%s: targetPort vs quarkus.http.port of %s", service.where(), config.where())
          .isEqualTo(config.httpPort());
    }
    JsonNode podLabels = deployment.node().at("/spec/template/metadata/labels");
    JsonNode selector = service.node().at("/spec/selector");
    assertThat(selector.size()).as("%s: selector", service.where()).isPositive();
    for (var label : selector.properties()) {
      assertThat(podLabels.path(label.getKey()).asText())
          .as(
              "%s: selector %s matches the pods of %s",
              service.where(), label.getKey(), deployment.where())
          .isEqualTo(label.getValue().asText());
    }
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void deploymentReadsKafkaBootstrapFromTheConfigMap(String module) {
    ServiceConfig config = DeployFiles.service(module);
    Doc deployment = DeployFiles.k8s("Deployment", config.shortName());
    List<String> configMaps = new ArrayList<>();
    container(deployment)
        .path("envFrom")
        .forEach(e -> configMaps.add(e.path("configMapRef").path("name").asText()));
    assertThat(configMaps)
        .as("%s: envFrom ConfigMaps (one must set KAFKA_BOOTSTRAP_SERVERS)", deployment.where())
        .anyMatch(
            name ->
                !DeployFiles.k8s("ConfigMap", name)
                    .node()
                    .at("/data/KAFKA_BOOTSTRAP_SERVERS")
                    .asText()
                    .isBlank());
  }

  /**
   * Two optimizers share the studies by partition and one takes over when the other goes (ADR
   * 0005); a rolling update replaces one at a time. The results service runs once.
   */
  @Test
  void twoOptimizersAndOneResultsService() {
    Doc optimizer = DeployFiles.k8s("Deployment", "optimizer");
    assertThat(optimizer.node().at("/spec/replicas").asInt())
        .as("%s: replicas", optimizer.where())
        .isEqualTo(2);
    assertThat(optimizer.node().at("/spec/strategy/rollingUpdate/maxUnavailable").asInt())
        .as("%s: one replica replaced at a time", optimizer.where())
        .isEqualTo(1);
    Doc results = DeployFiles.k8s("Deployment", "results");
    assertThat(results.node().at("/spec/replicas").asInt())
        .as("%s: replicas", results.where())
        .isEqualTo(1);
  }

  @Test
  void everyResourceLivesInTheNamespace() {
    DeployFiles.k8s("Namespace", DeployFiles.NAMESPACE);
    for (Doc d : DeployFiles.k8s()) {
      if (!d.kind().equals("Namespace") && !d.kind().equals("Kustomization")) {
        assertThat(d.node().at("/metadata/namespace").asText())
            .as("%s: metadata.namespace", d.where())
            .isEqualTo(DeployFiles.NAMESPACE);
      }
    }
  }

  @Test
  void everyKustomizationListsEveryFileBesideIt() throws Exception {
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(DeployFiles.k8sDir())) {
      dirs = walk.filter(p -> Files.exists(p.resolve("kustomization.yaml"))).toList();
    }
    assertThat(dirs).as("deploy/k8s has a kustomization.yaml").contains(DeployFiles.k8sDir());
    for (Path dir : dirs) {
      Path file = dir.resolve("kustomization.yaml");
      List<String> listed = new ArrayList<>();
      DeployFiles.read(file).get(0).node().path("resources").forEach(r -> listed.add(r.asText()));
      List<String> present =
          DeployFiles.yamlFiles(dir).stream()
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("kustomization.yaml"))
              .toList();
      assertThat(listed)
          .as("%s: resources vs the *.yaml files beside it", DeployFiles.root().relativize(file))
          .containsExactlyInAnyOrderElementsOf(present);
    }
  }

  private static JsonNode container(Doc deployment) {
    JsonNode containers = deployment.node().at("/spec/template/spec/containers");
    assertThat(containers.size()).as("%s: containers", deployment.where()).isEqualTo(1);
    return containers.get(0);
  }

  /** A port given as a number or as the name of one of the container's ports. */
  private static int port(JsonNode container, JsonNode port) {
    if (port.isInt()) {
      return port.asInt();
    }
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(port.asText())) {
        return p.path("containerPort").asInt();
      }
    }
    return -1;
  }
}
