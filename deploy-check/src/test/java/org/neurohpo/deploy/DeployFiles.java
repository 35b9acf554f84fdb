package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neurohpo.model.Topics;

/** Reads the deployment files of the repository: compose, Kubernetes manifests, services. */
final class DeployFiles {
  static final String NAMESPACE = "neurohpo";
  static final String LIVE_PATH = "/q/health/live";
  static final String READY_PATH = "/q/health/ready";
  static final String METRICS_PATH = "/q/metrics";

  /** The three services, by Maven module. */
  static final List<String> SERVICE_MODULES =
      List.of("optimizer-service", "results-service", "evaluator-service");

  private static final YAMLMapper YAML = new YAMLMapper();

  /** One YAML document of a file. */
  record Doc(Path file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }

    /** "file: Kind name", to start a failure message. */
    String where() {
      return root().relativize(file) + ": " + kind() + " " + name();
    }
  }

  private DeployFiles() {}

  static Path root() {
    return Path.of(System.getProperty("neurohpo.root", "..")).toAbsolutePath().normalize();
  }

  /** The project version, the tag of the images. */
  static String version() {
    String v = System.getProperty("neurohpo.version");
    assertThat(v).as("system property neurohpo.version (set by the pom)").isNotBlank();
    return v;
  }

  static Path k8sDir() {
    return root().resolve("deploy/k8s");
  }

  /** Every *.yaml directly in {@code dir}, sorted. */
  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a (multi-document) YAML file. */
  static List<Doc> read(Path file) {
    assertThat(file).as("deployment file").exists();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      List<Doc> docs = new ArrayList<>();
      for (JsonNode node : it.readAll()) {
        if (node != null && node.isObject()) {
          docs.add(new Doc(file, node));
        }
      }
      return docs;
    } catch (IOException e) {
      throw new AssertionError(
          root().relativize(file) + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Every document of every deploy/k8s/*.yaml (the files kustomization.yaml applies). */
  static List<Doc> k8s() {
    return yamlFiles(k8sDir()).stream().flatMap(f -> read(f).stream()).toList();
  }

  static List<Doc> k8s(String kind) {
    return k8s().stream().filter(d -> d.kind().equals(kind)).toList();
  }

  /** The one document of {@code kind} named {@code name} in deploy/k8s. */
  static Doc k8s(String kind, String name) {
    List<Doc> found = k8s().stream().filter(d -> d.kind().equals(kind)).toList();
    List<Doc> named = found.stream().filter(d -> d.name().equals(name)).toList();
    assertThat(named)
        .as(
            "deploy/k8s: exactly one %s named %s (there are: %s)",
            kind, name, found.stream().map(Doc::name).toList())
        .hasSize(1);
    return named.get(0);
  }

  /**
   * docker-compose.yml as Compose runs it with no variable set: every {@code ${NAME:-default}}
   * replaced by its default.
   */
  static JsonNode compose() {
    try {
      String text = Files.readString(root().resolve("docker-compose.yml"));
      return YAML.readTree(text.replaceAll("\\$\\{[A-Za-z0-9_]+:-([^}]*)}", "$1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docker-compose.yml as written, variables not replaced. */
  static JsonNode composeRaw() {
    List<Doc> docs = read(root().resolve("docker-compose.yml"));
    assertThat(docs).as("docker-compose.yml: one YAML document").hasSize(1);
    return docs.get(0).node();
  }

  static List<ServiceConfig> services() {
    return SERVICE_MODULES.stream().map(m -> ServiceConfig.load(root(), m)).toList();
  }

  static ServiceConfig service(String module) {
    return ServiceConfig.load(root(), module);
  }

  /**
   * Every topic of {@link Topics}, and the dead-letter topic of each that carries study events (the
   * data-set topic has none: its readers skip what they cannot use).
   */
  static List<String> allTopics() {
    List<String> topics = new ArrayList<>();
    for (Field f : Topics.class.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m)
          && f.getType() == String.class
          && !f.getName().equals("DLQ_SUFFIX")) {
        try {
          String topic = (String) f.get(null);
          topics.add(topic);
          // the archive is read whole at start, not consumed: an unreadable record is skipped
          // with a warning, no one dead-letters it
          if (!Topics.eventsOn(topic).isEmpty() && !topic.equals(Topics.ARCHIVE)) {
            topics.add(Topics.deadLetter(topic));
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(topics).as("topics found in Topics").hasSizeGreaterThanOrEqualTo(8);
    return topics;
  }
}
