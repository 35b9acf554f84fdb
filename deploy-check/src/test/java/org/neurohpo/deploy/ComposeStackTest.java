package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-compose.yml end to end on a real Docker engine: up with 2 evaluators, the quick-start
 * study through REST, one evaluator killed while it runs a trial, 4 evaluators mid-study; the study
 * completes with every trial once and each trial's runs once on neurohpo.results.v1; the dashboard
 * answers; {@code down -v} leaves no container, network or volume.
 *
 * <p>Skipped where no Docker engine (or compose) answers, or the images are missing, unless
 * NEUROHPO_REQUIRE_DOCKER=1 (set by .ci/run), which makes that a failure. Images:
 * deploy/.images.env (written by deploy/images.sh), else the compose file's defaults.
 */
class ComposeStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP = Duration.ofMinutes(8);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PROJECT =
      "neurohpo-e2e-" + UUID.randomUUID().toString().substring(0, 8);

  private static Compose compose;

  /** The optimizer's bearer token for this run (NEUROHPO_AUTH_TOKENS of the stack). */
  private static final String TOKEN = java.util.UUID.randomUUID().toString();

  @AfterAll
  static void down() {
    if (compose != null) {
      compose.down();
    }
  }

  @Test
  @Timeout(value = 45, unit = java.util.concurrent.TimeUnit.MINUTES)
  void quickStartStudySurvivesScalingAndAKilledEvaluator() throws Exception {
    Map<String, String> env = environment();
    compose = new Compose(DeployFiles.root(), PROJECT, env, ComposeStackTest::log);
    int optimizerPort = Integer.parseInt(env.get("NEUROHPO_OPTIMIZER_PORT"));
    int resultsPort = Integer.parseInt(env.get("NEUROHPO_RESULTS_PORT"));
    String bootstrap = "127.0.0.1:" + env.get("NEUROHPO_KAFKA_PORT");
    boolean passed = false;
    try {
      Instant t0 = Instant.now();
      compose.run(Duration.ofMinutes(15), "up", "-d", "--scale", "evaluator=2");
      log("up -d --scale evaluator=2: done in %d s", secondsSince(t0));
      awaitHttp200("optimizer ready", optimizerPort, "/q/health/ready");
      awaitHttp200("results ready", resultsPort, "/q/health/ready");
      log("optimizer and results ready %d s after up", secondsSince(t0));

      String spec =
          Files.readString(DeployFiles.root().resolve("examples/01-iris-quickstart.json"));
      int budget = JSON.readTree(spec).path("budget").asInt();
      int seeds = JSON.readTree(spec).path("seeds").size();
      String studyId = createStudy(optimizerPort, spec);
      log("study %s created (budget %d, %d seeds a trial)", studyId, budget, seeds);

      Busy busy = busyEvaluator(optimizerPort, studyId, compose.containers("evaluator"));
      compose.docker(Duration.ofMinutes(1), "kill", busy.container());
      JsonNode atKill = study(optimizerPort, studyId);
      log(
          "docker kill %s while it ran trial %d (study at %d of %d trials, state %s)",
          busy.container().substring(0, 12),
          busy.trial(),
          atKill.path("trialsCompleted").asInt(),
          budget,
          atKill.path("state").asText());

      // the killed evaluator's trial waits for the session timeout (6 s): still mid-study
      assertThat(atKill.path("state").asText())
          .as("study state before scaling")
          .isEqualTo("running");
      Map<String, String> others = started("kafka", "optimizer", "results");
      compose.run(
          Duration.ofMinutes(10), "up", "-d", "--no-deps", "--scale", "evaluator=4", "evaluator");
      List<String> evaluators = compose.containers("evaluator");
      assertThat(evaluators).as("running evaluator containers after scaling to 4").hasSize(4);
      assertThat(started("kafka", "optimizer", "results"))
          .as("kafka, optimizer and results containers (id -> start time) after scaling")
          .isEqualTo(others);
      log(
          "scaled to 4 evaluators mid-study (study at %d of %d trials), the rest of the stack untouched",
          study(optimizerPort, studyId).path("trialsCompleted").asInt(), budget);

      awaitTrue(
          "the study completed",
          Duration.ofMinutes(20),
          () -> "completed".equals(study(optimizerPort, studyId).path("state").asText()));
      JsonNode done = study(optimizerPort, studyId);
      assertThat(done.path("trialsCompleted").asInt()).as("REST trialsCompleted").isEqualTo(budget);
      log("study completed through REST: %d trials", budget);

      checkResultsTopic(bootstrap, studyId, budget, seeds);

      HttpResponse<String> dashboard = get(resultsPort, "/");
      assertThat(dashboard.statusCode()).as("results service root (dashboard)").isEqualTo(200);
      assertThat(dashboard.body().toLowerCase()).as("dashboard page").contains("<html");
      log("dashboard answers at the results service's root");
      passed = true;
    } finally {
      if (!passed) {
        compose.dumpLogs();
      }
      compose.down();
      try {
        compose.assertNothingLeft();
        log("down -v: no container, network or volume of project %s left", PROJECT);
      } catch (AssertionError e) {
        if (passed) {
          throw e;
        }
        log("after the failure, down -v left: %s", e.getMessage());
      }
      compose = null;
    }
  }

  /** Container id to start time of the running containers of these services. */
  private static Map<String, String> started(String... services) {
    Map<String, String> out = new TreeMap<>();
    for (String service : services) {
      for (String id : compose.containers(service)) {
        out.put(
            id,
            compose
                .docker(Duration.ofMinutes(1), "inspect", "-f", "{{.State.StartedAt}}", id)
                .trim());
      }
    }
    assertThat(out).as("running containers of %s", List.of(services)).hasSize(services.length);
    return out;
  }

  /** Images and free host ports for the compose file. */
  private static Map<String, String> environment() throws IOException {
    boolean required = "1".equals(System.getenv("NEUROHPO_REQUIRE_DOCKER"));
    String why = Compose.unavailable();
    if (why != null) {
      if (required) {
        fail("NEUROHPO_REQUIRE_DOCKER=1 but " + why);
      }
      Assumptions.abort(why + " (the compose test needs a Docker engine)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    Path images = DeployFiles.root().resolve("deploy/.images.env");
    if (Files.exists(images)) {
      for (String line : Files.readAllLines(images)) {
        String[] kv = line.split("=", 2);
        if (kv.length == 2 && kv[0].startsWith("NEUROHPO_")) {
          env.put(kv[0].trim(), kv[1].trim());
        }
      }
    }
    for (String name : List.of("NEUROHPO_KAFKA_IMAGE")) {
      if (System.getenv(name) != null) {
        env.put(name, System.getenv(name));
      }
    }
    List<String> needed = new ArrayList<>();
    needed.add(env.getOrDefault("NEUROHPO_KAFKA_IMAGE", "apache/kafka:4.1.2"));
    for (String module : DeployFiles.SERVICE_MODULES) {
      needed.add(DeployFiles.service(module).image());
    }
    for (String image : needed) {
      if (!Compose.hasImage(image)) {
        String msg = "image " + image + " is not in the Docker engine: run deploy/images.sh";
        if (required) {
          fail("NEUROHPO_REQUIRE_DOCKER=1 but " + msg);
        }
        Assumptions.abort(msg);
      }
    }
    env.put("NEUROHPO_OPTIMIZER_PORT", String.valueOf(freePort()));
    env.put("NEUROHPO_RESULTS_PORT", String.valueOf(freePort()));
    env.put("NEUROHPO_KAFKA_PORT", String.valueOf(freePort()));
    env.put("NEUROHPO_BIND_ADDRESS", "127.0.0.1");
    env.put("NEUROHPO_AUTH_TOKENS", "compose:" + TOKEN);
    return env;
  }

  private static String createStudy(int port, String spec) throws Exception {
    Instant end = Instant.now().plus(STEP);
    while (true) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(url(port, "/studies"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(spec))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        return JSON.readTree(r.body()).path("studyId").asText();
      }
      if (r.statusCode() != 503 || Instant.now().isAfter(end)) {
        fail("POST /studies answered " + r.statusCode() + ": " + r.body());
      }
      Thread.sleep(2000); // 503: still rebuilding from Kafka
    }
  }

  private static JsonNode study(int port, String id) {
    try {
      HttpResponse<String> r = get(port, "/studies/" + id);
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  record Busy(String container, int trial) {}

  /**
   * An evaluator container running a trial now: its log shows the trial started ("trial STUDY/N:
   * ...", logged by the evaluator when it takes a trial) and the study has not completed that
   * trial.
   */
  private static Busy busyEvaluator(int optimizerPort, String studyId, List<String> evaluators)
      throws InterruptedException {
    Pattern started = Pattern.compile("trial " + Pattern.quote(studyId) + "/([0-9]+):");
    Instant end = Instant.now().plus(STEP);
    while (Instant.now().isBefore(end)) {
      JsonNode s = study(optimizerPort, studyId);
      Set<Integer> done = new TreeSet<>();
      s.path("trials").forEach(t -> done.add(t.path("trialNumber").asInt()));
      if ("completed".equals(s.path("state").asText())) {
        fail("the study completed before an evaluator could be killed mid-trial");
      }
      for (String id : evaluators) {
        Matcher m = started.matcher(compose.docker(Duration.ofMinutes(1), "logs", id));
        int last = -1;
        while (m.find()) {
          last = Integer.parseInt(m.group(1));
        }
        if (last >= 0 && !done.contains(last)) {
          return new Busy(id, last);
        }
      }
      Thread.sleep(300);
    }
    fail("no evaluator ran a trial of " + studyId + " within " + STEP);
    return null;
  }

  /** Every trial once on neurohpo.results.v1, each with every seed's run once. */
  private static void checkResultsTopic(String bootstrap, String studyId, int budget, int seeds) {
    List<JsonNode> completed = new ArrayList<>();
    Map<String, Integer> evaluated = new TreeMap<>();
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      for (JsonNode e : readAll(consumer, "neurohpo.results.v1")) {
        if (studyId.equals(e.path("studyId").asText())
            && "TrialCompleted".equals(e.path("type").asText())) {
          completed.add(e);
        }
      }
      for (JsonNode e : readAll(consumer, "neurohpo.evaluations.v1")) {
        if (studyId.equals(e.path("studyId").asText())) {
          evaluated.merge(
              e.path("trialNumber").asInt() + "/" + e.path("run").path("seed").asLong(),
              1,
              Integer::sum);
        }
      }
    }
    Map<Integer, Long> perTrial =
        completed.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.path("trialNumber").asInt(), TreeMap::new, Collectors.counting()));
    assertThat(perTrial.keySet()).as("trials on neurohpo.results.v1").hasSize(budget);
    assertThat(perTrial.values())
        .as("TrialCompleted records per trial on neurohpo.results.v1: %s", perTrial)
        .allMatch(n -> n == 1);
    for (JsonNode trial : completed) {
      List<Long> runSeeds = new ArrayList<>();
      trial.path("runs").forEach(r -> runSeeds.add(r.path("seed").asLong()));
      int failures = trial.path("failures").size();
      assertThat(runSeeds)
          .as(
              "trial %d: runs' seeds (failures %s)",
              trial.path("trialNumber").asInt(), trial.path("failures"))
          .doesNotHaveDuplicates();
      assertThat(runSeeds.size() + failures)
          .as("trial %d: runs plus failed runs", trial.path("trialNumber").asInt())
          .isEqualTo(seeds);
    }
    long repeated = evaluated.values().stream().filter(n -> n > 1).count();
    log(
        "neurohpo.results.v1: %d trials, each once, each with its %d runs once; neurohpo.evaluations.v1:"
            + " %d runs, %d delivered more than once (kill, rebalances)",
        budget, seeds, evaluated.size(), repeated);
  }

  private static List<JsonNode> readAll(KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> parts =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(i -> new TopicPartition(topic, i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
    List<JsonNode> out = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
      if (Instant.now().isAfter(deadline)) {
        fail("could not read " + topic + " to its end within 2 min");
      }
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
        try {
          out.add(JSON.readTree(r.value()));
        } catch (IOException e) {
          fail(topic + ": unreadable record " + r.value());
        }
      }
    }
    return out;
  }

  private static void awaitHttp200(String what, int port, String path) throws Exception {
    awaitTrue(
        what,
        STEP,
        () -> {
          try {
            return get(port, path).statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  private static void awaitTrue(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        fail("waited " + limit.toMinutes() + " min for: " + what);
      }
      Thread.sleep(1000);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(url(port, path)).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static URI url(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static long secondsSince(Instant t) {
    return Duration.between(t, Instant.now()).toSeconds();
  }

  private static void log(String format, Object... args) {
    System.out.printf("[compose-e2e] " + format + "%n", args);
    System.out.flush();
  }
}
