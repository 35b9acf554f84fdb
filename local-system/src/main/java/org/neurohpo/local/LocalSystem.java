package org.neurohpo.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.neurohpo.experiments.Studies;

/**
 * The whole system started for one command (a broker unless {@code against}, the optimizer, the
 * results service and the evaluators), with a Ctrl-C hook that first stops the study in progress
 * (so an optimizer started later on the same cluster does not resume it), then everything.
 */
public final class LocalSystem implements AutoCloseable, Studies {
  private final LocalStack stack;
  private final StudyClient client;
  private final int resultsPort;
  private final LocalStack.Parts parts;
  private final AtomicReference<Runnable> stopStudy = new AtomicReference<>(() -> {});
  private final Thread hook;

  private LocalSystem(LocalStack stack, StudyClient client, LocalStack.Parts parts, Thread hook) {
    this.stack = stack;
    this.client = client;
    this.resultsPort = parts.resultsPort();
    this.parts = parts;
    this.hook = hook;
  }

  /**
   * Starts it with twice the evaluators in flight (trials reach evaluators by partition, not by who
   * is idle, so a backlog keeps every evaluator busy) and the cores shared among the evaluators.
   */
  public static LocalSystem start(String against, int evaluators, String prefix)
      throws IOException, InterruptedException {
    return start(against, java.util.Map.of(), evaluators, prefix);
  }

  /** The same against a secured cluster: the services get these Kafka security settings. */
  public static LocalSystem start(
      String against, java.util.Map<String, String> kafkaSecurity, int evaluators, String prefix)
      throws IOException, InterruptedException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / evaluators);
    return start(against, kafkaSecurity, evaluators, threads, 2 * evaluators, prefix);
  }

  /**
   * Starts it with {@code threads} threads per evaluator and {@code inFlight} trials in flight per
   * study; its logs in a new temporary folder named by {@code prefix}.
   */
  public static LocalSystem start(
      String against,
      java.util.Map<String, String> kafkaSecurity,
      int evaluators,
      int threads,
      int inFlight,
      String prefix)
      throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("neurohpo.home", ".")).toAbsolutePath();
    Path work = Files.createTempDirectory(prefix);
    LocalStack stack = new LocalStack(home, Files.createDirectories(work.resolve("logs")));
    stack.kafkaSecurity(kafkaSecurity);
    AtomicReference<LocalSystem> self = new AtomicReference<>();
    Thread hook =
        new Thread(
            () -> {
              LocalSystem s = self.get();
              if (s != null) {
                s.stopStudy.get().run();
              }
              stack.close();
            },
            prefix + "stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      LocalStack.Parts parts = stack.startSystem(against, work, evaluators, threads, inFlight);
      LocalSystem s =
          new LocalSystem(
              stack,
              new StudyClient(stack.http(), parts.optimizerPort(), stack.token()),
              parts,
              hook);
      self.set(s);
      return s;
    } catch (IOException | InterruptedException | RuntimeException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C during start-up: the hook is stopping everything
      }
      stack.close();
      throw e;
    }
  }

  /** The results service's port: its dashboard and REST API. */
  public int resultsPort() {
    return resultsPort;
  }

  public int optimizerPort() {
    return parts.optimizerPort();
  }

  /** The Kafka bootstrap servers (host:port). */
  public String bootstrap() {
    return parts.bootstrap();
  }

  /** The bearer token the optimizer accepts. */
  public String token() {
    return stack.token();
  }

  /** Starts again any part that died; the names of those started. */
  public java.util.List<String> restartDead() throws IOException, InterruptedException {
    return stack.restartDead();
  }

  public StudyClient client() {
    return client;
  }

  /**
   * Keeps it running until interrupted (Ctrl-C): every second starts again any part that died,
   * telling {@code onRestart} its name. What {@code restart: unless-stopped} does.
   */
  public void keepRunning(java.util.function.Consumer<String> onRestart)
      throws IOException, InterruptedException {
    while (true) {
      Thread.sleep(1000);
      restartDead().forEach(onRestart);
    }
  }

  /** Submits a study; until {@link #ended()}, Ctrl-C stops it. */
  public String submit(JsonNode study) throws IOException, InterruptedException {
    String id = client.submit(study);
    stopStudy.set(() -> client.stopQuietly(id));
    return id;
  }

  /** The submitted study has ended: Ctrl-C no longer needs to stop it. */
  public void ended() {
    stopStudy.set(() -> {});
  }

  /** Submits the study and follows it to its end (Ctrl-C meanwhile stops it); its last view. */
  @Override
  public JsonNode run(JsonNode study, java.util.function.Consumer<JsonNode> onView)
      throws IOException, InterruptedException {
    JsonNode view = client.awaitEnd(submit(study), onView);
    ended();
    return view;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs anyway
    }
    stack.close();
  }
}
