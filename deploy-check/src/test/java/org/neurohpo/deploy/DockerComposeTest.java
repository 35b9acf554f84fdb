package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml: a broker and the three services, agreeing with their configuration. */
class DockerComposeTest {
  static final List<String> MODULES = DeployFiles.SERVICE_MODULES;
  static final String FILE = "docker-compose.yml";
  static final String BROKER = "kafka";

  private final JsonNode services = DeployFiles.compose().path("services");

  @Test
  void hasTheBrokerAndTheThreeServices() {
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .as("%s: services", FILE)
        .contains(BROKER, "optimizer", "results", "evaluator");
    assertThat(service(BROKER).path("image").asText())
        .as("%s: %s image", FILE, BROKER)
        .startsWith("apache/kafka:");
    assertThat(env(BROKER).get("KAFKA_PROCESS_ROLES"))
        .as("%s: %s runs KRaft in combined mode", FILE, BROKER)
        .isEqualTo("broker,controller");
  }

  @Test
  void evaluatorScalesWithoutContainerNameOrHostPort() {
    JsonNode evaluator = service("evaluator");
    assertThat(evaluator.has("container_name"))
        .as("%s: evaluator must have no container_name (--scale needs distinct names)", FILE)
        .isFalse();
    for (JsonNode port : evaluator.path("ports")) {
      boolean hostSide = port.isTextual() ? port.asText().contains(":") : port.has("published");
      assertThat(hostSide)
          .as("%s: evaluator port %s maps a host port (--scale would clash)", FILE, port)
          .isFalse();
    }
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void serviceBootstrapsToTheBrokerAsContainersReachIt(String module) {
    String name = DeployFiles.service(module).shortName();
    String bootstrap = env(name).get("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(bootstrap).as("%s: %s environment KAFKA_BOOTSTRAP_SERVERS", FILE, name).isNotNull();
    assertThat(bootstrap)
        .as(
            "%s: %s KAFKA_BOOTSTRAP_SERVERS is the broker's advertised PLAINTEXT listener",
            FILE, name)
        .isEqualTo(brokerAddress());
    assertThat(bootstrap).as("%s: %s bootstrap host", FILE, name).startsWith(BROKER + ":");
    assertThat(service(name).path("depends_on").isMissingNode())
        .as("%s: %s depends_on (broker or topics step)", FILE, name)
        .isFalse();
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void serviceRunsTheJibImage(String module) {
    ServiceConfig config = DeployFiles.service(module);
    assertThat(service(config.shortName()).path("image").asText())
        .as("%s: %s image vs %s", FILE, config.shortName(), config.where())
        .isEqualTo(config.image());
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void healthcheckAsksReadinessOnTheHttpPort(String module) {
    ServiceConfig config = DeployFiles.service(module);
    String name = config.shortName();
    URI url =
        textOf(service(name).path("healthcheck").path("test")).stream()
            .filter(s -> s.startsWith("http://"))
            .map(URI::create)
            .findFirst()
            .orElseThrow(() -> new AssertionError(FILE + ": " + name + " healthcheck has no URL"));
    assertThat(url.getPort())
        .as("%s: %s healthcheck port vs quarkus.http.port of %s", FILE, name, config.where())
        .isEqualTo(config.httpPort());
    assertThat(url.getPath())
        .as("%s: %s healthcheck path", FILE, name)
        .isEqualTo(DeployFiles.READY_PATH);
    for (JsonNode port : service(name).path("ports")) {
      assertThat(port.asText())
          .as("%s: %s port mapping vs quarkus.http.port of %s", FILE, name, config.where())
          .endsWith(":" + config.httpPort());
    }
  }

  @Test
  void topicsStepCreatesEveryTopicAndCompactsStudies() {
    String script = String.join("\n", textOf(service("topics").path("command")));
    for (String topic : DeployFiles.allTopics()) {
      assertThat(script)
          .as("%s: the topics service creates %s", FILE, topic)
          .containsPattern("create " + topic.replace(".", "\\.") + "\\s");
    }
    String studies =
        script
            .lines()
            .filter(l -> l.contains("create neurohpo.studies.v1 "))
            .findFirst()
            .orElse("");
    assertThat(studies)
        .as("%s: the studies topic is compacted", FILE)
        .contains("cleanup.policy=compact");
    assertThat(
            script
                .lines()
                .filter(l -> l.contains("create neurohpo.datasets.v1 "))
                .findFirst()
                .orElse(""))
        .as("%s: the data-set topic is compacted and kept forever", FILE)
        .contains("cleanup.policy=compact")
        .contains("retention.ms=-1");
    assertThat(
            script
                .lines()
                .filter(l -> l.contains("create neurohpo.archive.v1 "))
                .findFirst()
                .orElse(""))
        .as("%s: the archive topic is compacted and kept forever", FILE)
        .contains("cleanup.policy=compact")
        .contains("retention.ms=-1");
    assertThat(env(BROKER).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
        .as("%s: %s creates no topic on its own (the topics step does)", FILE, BROKER)
        .isEqualTo("false");
  }

  /** host:port of the broker's PLAINTEXT advertised listener. */
  private String brokerAddress() {
    String advertised = env(BROKER).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
    for (String listener : advertised.split(",")) {
      if (listener.trim().startsWith("PLAINTEXT://")) {
        return listener.trim().substring("PLAINTEXT://".length());
      }
    }
    throw new AssertionError(
        FILE + ": " + BROKER + " advertises no PLAINTEXT listener: " + advertised);
  }

  private JsonNode service(String name) {
    JsonNode s = services.path(name);
    assertThat(s.isObject()).as("%s: service %s", FILE, name).isTrue();
    return s;
  }

  /** A service's environment, given as a map or as a list of NAME=value. */
  private Map<String, String> env(String name) {
    JsonNode env = service(name).path("environment");
    Map<String, String> vars = new LinkedHashMap<>();
    if (env.isObject()) {
      env.properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode item : env) {
        String[] kv = item.asText().split("=", 2);
        vars.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return vars;
  }

  /** A string or a list of strings. */
  private static List<String> textOf(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (!node.isMissingNode()) {
      out.add(node.asText());
    }
    return out;
  }
}
