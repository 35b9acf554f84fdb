package org.neurohpo.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neurohpo.kafka.support.ListenerCheck;

/**
 * The whole system on this machine, as separate JVMs: a Kafka broker (kafka-local) and the three
 * services (Quarkus jars), each logging to a file. {@link #close()} stops the services first, then
 * the broker.
 */
public final class LocalStack implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(120);

  private final Path home;
  private final Path logs;
  // closed from a shutdown hook while the main thread may still be starting services
  private final List<Process> services = new java.util.concurrent.CopyOnWriteArrayList<>();
  // how each running service was started, to start it again ({@link #restartDead})
  private final java.util.Map<Process, Launch> launches =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Path brokerData;
  private volatile int brokerPort;
  private volatile int brokerControllerPort;

  private record Launch(
      String module, String name, int port, String bootstrap, String maxHeap, List<String> props) {}

  private volatile Process broker;
  private volatile boolean closed;
  private final HttpClient http = HttpClient.newHttpClient();
  // the stack's own bearer token: its optimizer accepts it as owner "local" (an admin)
  private final String token = newToken();
  // the services' Kafka client security settings (of --kafka-config), for a cluster --against
  private volatile Map<String, String> kafkaSecurity = Map.of();
  // further options of the broker this stack starts (e.g. --tls DIR), for tests
  private volatile List<String> brokerOptions = List.of();

  public LocalStack(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
  }

  /**
   * The Kafka client security settings (security.protocol, sasl.*, ssl.*) every service started
   * from now on gets, as {@code KAFKA_*} environment variables (which Quarkus reads as {@code
   * kafka.*}; not on the command line, where other users of the machine could read them).
   */
  public void kafkaSecurity(Map<String, String> settings) {
    this.kafkaSecurity = Map.copyOf(settings);
  }

  /** Further options of the broker this stack starts, e.g. {@code --tls DIR --scram-user U}. */
  public void brokerOptions(List<String> options) {
    this.brokerOptions = List.copyOf(options);
  }

  /** The environment variable Quarkus reads as {@code kafka.<setting>}. */
  public static String kafkaEnv(String setting) {
    return "KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Starts the broker with its data under {@code dataDir}; returns host:port when it answers. */
  public String startBroker(Path dataDir) throws IOException, InterruptedException {
    return startBroker(dataDir, 0, 0);
  }

  /** Partitions of the topics the broker creates: at least 4, and one per evaluator. */
  private int partitions = 4;

  /**
   * Starts the broker on fixed ports (0: any free port), e.g. to restart it where its clients
   * expect it, with the data it had; returns host:port when it answers.
   */
  public String startBroker(Path dataDir, int port, int controllerPort)
      throws IOException, InterruptedException {
    Path jar = home.resolve("kafka-local/target/kafka-local-0.1.0-SNAPSHOT.jar");
    require(jar);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx384m",
                "-cp",
                jar + java.io.File.pathSeparator + home.resolve("kafka-local/target/lib/*"),
                "org.neurohpo.kafka.local.KafkaLocalMain",
                "--data-dir",
                dataDir.toString(),
                "--partitions",
                Integer.toString(partitions)));
    if (port > 0) {
      cmd.addAll(List.of("--port", Integer.toString(port)));
    }
    if (controllerPort > 0) {
      cmd.addAll(List.of("--controller-port", Integer.toString(controllerPort)));
    }
    cmd.addAll(brokerOptions);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile()));
    broker = pb.start();
    brokerData = dataDir;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + READY.toNanos();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("KAFKA_READY ")) {
        String hostPort = line.substring("KAFKA_READY ".length()).trim();
        // a restart takes the same ports: the services know the broker by them
        brokerPort = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        brokerControllerPort = controllerPort;
        return hostPort;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new IllegalStateException(
        "the Kafka broker did not start; see " + logs.resolve("kafka.log"));
  }

  /** Where the parts of a started system answer. */
  public record Parts(String bootstrap, int optimizerPort, int resultsPort) {}

  /**
   * Starts the whole system: a broker under {@code work} (or {@code against}, an existing cluster),
   * the optimizer keeping {@code inFlight} trials out per study, the results service and {@code
   * evaluators} evaluators of {@code threads} threads each; returns when the optimizer and the
   * results service are ready.
   */
  public Parts startSystem(String against, Path work, int evaluators, int threads, int inFlight)
      throws IOException, InterruptedException {
    partitions = Math.max(4, evaluators);
    if (against != null) {
      // services that do not speak TLS to a TLS listener would run out of memory (KAFKA-4090)
      ListenerCheck.requireMatchingTls(against, kafkaSecurity);
    }
    // fixed ports, so that a broker restarted on its data is where its clients expect it
    String bootstrap =
        against != null ? against : startBroker(work.resolve("kafka"), freePort(), freePort());
    int optimizer = freePort();
    int results = freePort();
    startService(
        "optimizer-service",
        "optimizer",
        optimizer,
        bootstrap,
        "512m",
        // on its own broker, static membership: an optimizer restarted by `up` takes its
        // partitions back at once. Against a cluster, one optimizer among others (ADR 0005).
        against != null
            ? List.of("neurohpo.optimizer.in-flight=" + inFlight)
            : List.of(
                "neurohpo.optimizer.in-flight=" + inFlight,
                "mp.messaging.incoming.results.group.instance.id=optimizer"));
    startService("results-service", "results", results, bootstrap, "256m", List.of());
    for (int i = 0; i < evaluators; i++) {
      startService(
          "evaluator-service",
          "evaluator-" + (i + 1),
          freePort(),
          bootstrap,
          "1g",
          evaluatorProps(against, threads, "evaluator-" + (i + 1)));
    }
    awaitReady("optimizer", optimizer);
    awaitReady("results", results);
    return new Parts(bootstrap, optimizer, results);
  }

  /**
   * An evaluator's settings; on the stack's own broker with static membership (its name as
   * group.instance.id): one that `up` restarts takes its partitions back at once, the others keep
   * theirs. Against a cluster other stacks' evaluators may bear the same names: dynamic there.
   */
  private static List<String> evaluatorProps(String against, int threads, String name) {
    List<String> props = new ArrayList<>();
    props.add("neurohpo.evaluator.threads=" + threads);
    props.add("neurohpo.evaluator.id=" + name);
    if (against == null) {
      props.add("mp.messaging.incoming.trials.group.instance.id=" + name);
    }
    return props;
  }

  /** Kills the broker at once, as a crash would. */
  public void killBroker() throws InterruptedException {
    if (broker != null) {
      broker.destroyForcibly();
      broker.waitFor();
      broker = null;
    }
  }

  /** Kills a service at once, as a crash would. */
  public void kill(Process service) throws InterruptedException {
    service.destroyForcibly();
    service.waitFor();
    services.remove(service);
    launches.remove(service);
  }

  /**
   * Starts again, as they were started, the broker (on its ports, with its data) and every service
   * that died; returns the names of those restarted. What {@code restart: unless-stopped} does.
   */
  public synchronized List<String> restartDead() throws IOException, InterruptedException {
    List<String> restarted = new ArrayList<>();
    if (closed) {
      return restarted;
    }
    Process b = broker;
    if (b != null && !b.isAlive() && brokerData != null) {
      startBroker(brokerData, brokerPort, brokerControllerPort);
      restarted.add("kafka");
    }
    for (Process p : List.copyOf(services)) {
      if (!p.isAlive()) {
        Launch l = launches.remove(p);
        services.remove(p);
        if (l != null && !closed) {
          startService(l.module(), l.name(), l.port(), l.bootstrap(), l.maxHeap(), l.props());
          restarted.add(l.name());
        }
      }
    }
    return restarted;
  }

  /** Starts one service JVM on {@code port}; {@code props} are -D settings. */
  public Process startService(
      String module, String name, int port, String bootstrap, String maxHeap, List<String> props)
      throws IOException {
    Path jar = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    require(jar);
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap));
    String opts = System.getenv("NEUROHPO_SERVICE_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      cmd.addAll(List.of(opts.trim().split("\\s+")));
    }
    String own =
        System.getenv("NEUROHPO_" + module.replace("-service", "").toUpperCase() + "_JAVA_OPTS");
    if (own != null && !own.isBlank()) {
      cmd.addAll(List.of(own.trim().split("\\s+")));
    }
    cmd.add("-Dkafka.bootstrap.servers=" + bootstrap);

    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dquarkus.http.host=127.0.0.1");
    props.forEach(p -> cmd.add("-D" + p));
    cmd.add("-jar");
    cmd.add(jar.toString());
    Path log = logs.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    kafkaSecurity.forEach((k, v) -> pb.environment().put(kafkaEnv(k), v));
    if (module.equals("optimizer-service")) {
      // in the environment, not on the command line, where any user of the machine could read it
      pb.environment().put("NEUROHPO_AUTH_TOKENS", "local:" + token);
      pb.environment().put("NEUROHPO_AUTH_ADMINS", "local");
    }
    Process p = pb.start();
    services.add(p);
    launches.put(p, new Launch(module, name, port, bootstrap, maxHeap, props));
    if (closed) {
      stopAll(List.of(p), 5);
      throw new IllegalStateException("stopping: not starting " + name);
    }
    return p;
  }

  /** Waits until the service on {@code port} reports ready. */
  public void awaitReady(String name, int port) throws InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    URI uri = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    while (System.nanoTime() < deadline) {
      for (Process p : services) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a service stopped while starting; see the logs in " + logs);
        }
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name + " did not become ready; see " + logs.resolve(name + ".log"));
  }

  public HttpClient http() {
    return http;
  }

  /** The bearer token this stack's optimizer accepts (owner "local", an admin). */
  public String token() {
    return token;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void require(Path jar) {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "missing " + jar + ": build with ./neurohpo (it builds what is missing) or mvn package");
    }
  }

  @Override
  public void close() {
    closed = true;
    // services first (in parallel), then the broker; a bounded wait each, then a kill, so Ctrl-C
    // never waits on a service busy with a long evaluation (a stopped study needs no drain, and
    // an unfinished run is redelivered anyway)
    stopAll(List.copyOf(services), 10);
    Process b = broker;
    if (b != null) {
      stopAll(List.of(b), 15);
    }
  }

  private static void stopAll(List<Process> ps, int seconds) {
    ps.forEach(Process::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (Process p : ps) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
