package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.neurohpo.deploy.DeployFiles.Doc;

/**
 * Images, docker-compose.yml and deploy/k8s hardened: non-root images whose heap follows the
 * container limit on any base, health checks that need no tool the images lack, host ports on
 * 127.0.0.1, images overridable, grace periods longer than the services' shutdown timeouts, no
 * replica count under KEDA, a NetworkPolicy.
 */
class ContainerHardeningTest {
  static final List<String> MODULES = DeployFiles.SERVICE_MODULES;
  static final String COMPOSE = "docker-compose.yml";

  /** Seconds between the shutdown timeout and SIGKILL, at least. */
  static final int MARGIN = 5;

  @ParameterizedTest
  @FieldSource("MODULES")
  void imageRunsAsANonRootUserOnAPinnedBaseWithAHeapFromTheLimit(String module) {
    ServiceConfig c = DeployFiles.service(module);
    assertThat(c.property("quarkus.jib.user"))
        .as("%s: quarkus.jib.user (numeric, not root: runAsNonRoot needs it)", c.where())
        .matches("[1-9][0-9]*");
    assertThat(c.property("quarkus.jib.base-jvm-image"))
        .as("%s: quarkus.jib.base-jvm-image pinned to a tag", c.where())
        .matches(".+:[0-9][^:/]*");
    assertThat(c.property("quarkus.jib.jvm-additional-arguments"))
        .as("%s: heap from the container limit on any base (not only UBI's run-java.sh)", c.where())
        .contains("-XX:MaxRAMPercentage=");
  }

  @Test
  void composeImagesAreOverridableAndDefaultToTheDocumentedOnes() {
    JsonNode services = DeployFiles.composeRaw().path("services");
    Pattern var = Pattern.compile("\\$\\{(NEUROHPO_[A-Z]+_IMAGE):-([^}]+)}");
    for (String name : List.of("kafka", "topics", "optimizer", "results", "evaluator")) {
      String image = services.path(name).path("image").asText();
      assertThat(image)
          .as("%s: %s image is ${NEUROHPO_..._IMAGE:-default}", COMPOSE, name)
          .matches(var);
    }
  }

  @Test
  void composeHostPortsListenOnLoopbackByDefault() {
    JsonNode services = DeployFiles.compose().path("services");
    int published = 0;
    for (var it = services.properties().iterator(); it.hasNext(); ) {
      var s = it.next();
      for (JsonNode port : s.getValue().path("ports")) {
        assertThat(port.asText())
            .as("%s: %s publishes %s on 127.0.0.1 only", COMPOSE, s.getKey(), port.asText())
            .startsWith("127.0.0.1:");
        published++;
      }
    }
    assertThat(published).as("%s: published ports", COMPOSE).isEqualTo(3);
  }

  @Test
  void composeHealthChecksNeedOnlyBashAndStartNoJvm() {
    JsonNode services = DeployFiles.compose().path("services");
    for (String name : List.of("kafka", "optimizer", "results", "evaluator")) {
      JsonNode hc = services.path(name).path("healthcheck");
      List<String> test = new ArrayList<>();
      hc.path("test").forEach(t -> test.add(t.asText()));
      assertThat(test)
          .as("%s: %s healthcheck runs bash (no curl or wget in the images)", COMPOSE, name)
          .startsWith("CMD", "bash", "-c");
      assertThat(String.join(" ", test))
          .as("%s: %s healthcheck starts no tool the images may lack, nor a JVM", COMPOSE, name)
          .doesNotContain("curl", "wget", ".sh", "java");
      assertThat(seconds(hc.path("start_period").asText()))
          .as("%s: %s healthcheck start_period fits a slow start", COMPOSE, name)
          .isGreaterThanOrEqualTo(120);
    }
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void composeStopGraceExceedsTheShutdownTimeout(String module) {
    ServiceConfig c = DeployFiles.service(module);
    JsonNode s = DeployFiles.compose().path("services").path(c.shortName());
    int grace = s.has("stop_grace_period") ? seconds(s.path("stop_grace_period").asText()) : 10;
    assertThat(grace)
        .as(
            "%s: %s stop_grace_period vs quarkus.shutdown.timeout of %s",
            COMPOSE, c.shortName(), c.where())
        .isGreaterThanOrEqualTo(shutdownSeconds(c) + MARGIN);
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void kubernetesGracePeriodExceedsTheShutdownTimeout(String module) {
    ServiceConfig c = DeployFiles.service(module);
    Doc d = DeployFiles.k8s("Deployment", c.shortName());
    JsonNode grace = d.node().at("/spec/template/spec/terminationGracePeriodSeconds");
    int seconds = grace.isMissingNode() ? 30 : grace.asInt();
    assertThat(seconds)
        .as(
            "%s: terminationGracePeriodSeconds vs quarkus.shutdown.timeout of %s",
            d.where(), c.where())
        .isGreaterThanOrEqualTo(shutdownSeconds(c) + MARGIN);
  }

  @Test
  void kedaOwnsTheEvaluatorCount() {
    Doc scaled = DeployFiles.k8s("ScaledObject", "evaluator");
    String target = scaled.node().at("/spec/scaleTargetRef/name").asText();
    Doc d = DeployFiles.k8s("Deployment", target);
    assertThat(d.node().at("/spec/replicas").isMissingNode())
        .as("%s: no replicas (%s owns the count)", d.where(), scaled.where())
        .isTrue();
  }

  @Test
  void aNetworkPolicyAdmitsOnlyTheServicesHttpPorts() {
    List<Doc> policies = DeployFiles.k8s("NetworkPolicy");
    assertThat(policies).as("deploy/k8s: NetworkPolicies").isNotEmpty();
    for (String module : MODULES) {
      ServiceConfig c = DeployFiles.service(module);
      Doc d = DeployFiles.k8s("Deployment", c.shortName());
      JsonNode podLabels = d.node().at("/spec/template/metadata/labels");
      List<Doc> selecting =
          policies.stream()
              .filter(
                  p -> {
                    JsonNode match = p.node().at("/spec/podSelector/matchLabels");
                    for (var it = match.properties().iterator(); it.hasNext(); ) {
                      var e = it.next();
                      if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText())) {
                        return false;
                      }
                    }
                    return true;
                  })
              .toList();
      assertThat(selecting).as("a NetworkPolicy selects the pods of %s", d.where()).isNotEmpty();
      List<Integer> ports = new ArrayList<>();
      for (Doc p : selecting) {
        assertThat(p.node().at("/spec/policyTypes").toString())
            .as("%s: policyTypes", p.where())
            .contains("Ingress");
        p.node()
            .at("/spec/ingress")
            .forEach(r -> r.path("ports").forEach(x -> ports.add(x.path("port").asInt())));
      }
      assertThat(ports)
          .as("ingress ports admitted to %s (quarkus.http.port of %s)", d.where(), c.where())
          .contains(c.httpPort());
    }
  }

  private static int shutdownSeconds(ServiceConfig c) {
    String t = c.properties().getProperty("quarkus.shutdown.timeout");
    return t == null ? 0 : seconds(t.trim());
  }

  /** "30s", "2m", "1m30s" or a number of seconds. */
  static int seconds(String text) {
    if (text.matches("[0-9]+")) {
      return Integer.parseInt(text);
    }
    Matcher m = Pattern.compile("([0-9]+)(h|ms|m|s)").matcher(text);
    long ms = 0;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      ms +=
          switch (m.group(2)) {
            case "h" -> Duration.ofHours(n).toMillis();
            case "m" -> Duration.ofMinutes(n).toMillis();
            case "s" -> Duration.ofSeconds(n).toMillis();
            default -> n;
          };
    }
    return (int) (ms / 1000);
  }
}
