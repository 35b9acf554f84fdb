package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.kafka.support.KafkaConfigFile;
import org.neurohpo.local.LocalStack;

/**
 * The CLI and the three services against a broker that only takes SASL_SSL (SCRAM-SHA-512) clients,
 * started as `kafka-local --tls DIR --scram-user NAME`: with its client.properties as
 * --kafka-config, `run --against` runs a study on all three services and `watch` / `fetch` read it;
 * without the file, with TLS but no login, or with a wrong password, each ends with one line, and a
 * service with TLS but no login is not ready.
 */
class KafkaSecurityTest {
  @TempDir static Path dir;
  private static LocalStack stack;
  private static String bootstrap;
  private static Path config;
  private static String id;

  @BeforeAll
  static void startASecuredBrokerAndRunAStudyOnIt() throws Exception {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
    Path tls = dir.resolve("tls");
    stack =
        new LocalStack(
            Path.of("..").toAbsolutePath().normalize(),
            Files.createDirectories(dir.resolve("logs")));
    stack.brokerOptions(List.of("--tls", tls.toString(), "--scram-user", "neurohpo"));
    bootstrap = stack.startBroker(dir.resolve("kafka"));
    config = tls.resolve("client.properties");
    assertThat(Files.readString(config)).contains("security.protocol=SASL_SSL");
    Path study = dir.resolve("study.json");
    Files.writeString(
        study,
        """
        {"name": "secured", "dataset": "iris", "strategy": "random", "budget": 2, "seeds": [1],
         "optimizerSeed": 4,
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 6}],
         "fixedParams": {"populationSize": 10, "generations": 2}}
        """);
    Path out = dir.resolve("out");
    Cli run =
        Cli.run(
            "run",
            study.toString(),
            "--against",
            bootstrap,
            "--kafka-config",
            config.toString(),
            "--evaluators",
            "1",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("trialsCompleted").asInt()).isEqualTo(2);
    id = summary.path("studyId").asText();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void watchAndFetchReadTheStudyWithTheCredentials() throws Exception {
    Cli watch = Cli.run("watch", id, "--against", bootstrap, "--kafka-config", config.toString());
    assertThat(watch.exitCode()).as(watch.err()).isZero();
    assertThat(watch.out()).contains("study " + id + " created").contains("study completed");
    Path out = dir.resolve("fetched");
    Cli fetch =
        Cli.run(
            "fetch",
            id,
            "--against",
            bootstrap,
            "--kafka-config",
            config.toString(),
            "--out",
            out.toString());
    assertThat(fetch.exitCode()).as(fetch.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(3);
  }

  @Test
  void theConfigurationFileCanComeFromTheEnvironment() throws Exception {
    ProcessBuilder pb = CliProcess.of("watch", id, "--against", bootstrap, "--json");
    pb.environment().put(KafkaConfigOption.ENV, config.toString());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("\"type\":\"StudyCompleted\"");
  }

  @Test
  void withoutTheFileWatchAndRunAgainstAreOneLineAtOnce() {
    // a Kafka client without TLS would take the TLS alert for a huge response (KAFKA-4090)
    long start = System.nanoTime();
    Cli watch = Cli.run("watch", id, "--against", bootstrap);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(watch.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(watch.out()).isEmpty();
    assertThat(watch.err().strip())
        .doesNotContain("\n")
        .contains("Kafka at " + bootstrap + " speaks TLS and this client does not")
        .contains("--kafka-config FILE");
    Cli run = Cli.run("run", dir.resolve("study.json").toString(), "--against", bootstrap, "-q");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("Kafka at " + bootstrap + " speaks TLS and this client does not");
  }

  @Test
  void tlsWithoutTheLoginIsRefusedInOneLine() throws Exception {
    List<String> tlsOnly = new ArrayList<>();
    for (String line : Files.readAllLines(config)) {
      if (!line.startsWith("sasl.")) {
        tlsOnly.add(line.startsWith("security.protocol") ? "security.protocol=SSL" : line);
      }
    }
    Path file = dir.resolve("tls-only.properties");
    Files.write(file, tlsOnly);
    long start = System.nanoTime();
    Cli watch = Cli.run("watch", id, "--against", bootstrap, "--kafka-config", file.toString());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    assertThat(watch.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(watch.err().strip())
        .doesNotContain("\n")
        .contains("cannot reach Kafka at " + bootstrap);
  }

  @Test
  void aServiceWithTlsButNoLoginIsNotReady() throws Exception {
    Map<String, String> tlsOnly = new HashMap<>(KafkaConfigFile.load(config, "--kafka-config"));
    tlsOnly.keySet().removeIf(k -> k.startsWith("sasl."));
    tlsOnly.put("security.protocol", "SSL");
    stack.kafkaSecurity(tlsOnly);
    int port = LocalStack.freePort();
    Process results =
        stack.startService(
            "results-service", "results-no-login", port, bootstrap, "256m", List.of());
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
      HttpResponse<String> answer = null;
      long deadline =
          System.nanoTime() + TimeUnit.SECONDS.toNanos(240); // a JVM start on a loaded machine
      while (answer == null && System.nanoTime() < deadline && results.isAlive()) {
        try {
          answer = http.send(HttpRequest.newBuilder(ready).build(), BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
          Thread.sleep(500);
        }
      }
      assertThat(answer).as("the service answered").isNotNull();
      Thread.sleep(10_000); // and it stays so
      answer = http.send(HttpRequest.newBuilder(ready).build(), BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).contains("Kafka connection health check").contains("DOWN");
    } finally {
      stack.kill(results);
      stack.kafkaSecurity(Map.of());
    }
  }

  @Test
  void aWrongPasswordIsRefusedInOneLine() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String line : Files.readAllLines(config)) {
      wrong.add(
          line.startsWith("sasl.jaas.config")
              ? line.replaceAll("password\\\\?=\"[^\"]*\"", "password=\"not-the-password\"")
              : line);
    }
    Path file = dir.resolve("wrong.properties");
    Files.write(file, wrong);
    assertThat(Files.readString(file)).contains("not-the-password");
    // its own process: all it prints, the Kafka client's logging included, is that one line
    Process p =
        CliProcess.of("watch", id, "--against", bootstrap, "--kafka-config", file.toString())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(out).isEmpty();
    assertThat(err.strip())
        .doesNotContain("\n")
        .contains("Kafka at " + bootstrap + " refused the client")
        .contains("invalid credentials");
  }
}
