package org.neurohpo.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * One running single-node KRaft broker. Start it with {@link #builder()}; {@link #close()} stops it
 * and deletes its storage when the storage was a temporary directory.
 */
public final class KafkaLocal implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;

  private KafkaLocal(
      KafkaRaftServer server, Path dataDir, boolean temporary, int port, int controllerPort) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (temporary) {
      deleteRecursively(dataDir);
    }
  }

  /** How to start the broker; every setting has a default that suits a test. */
  public static final class Builder {
    private Path dataDir;
    private int port;
    private int controllerPort;
    private boolean replaceExitProcedures = true;
    private String listenHost = "127.0.0.1";
    private String advertisedHost;
    private final Properties overrides = new Properties();

    private Builder() {}

    /** Keeps the storage here (formatted on first use); default: a temporary directory. */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** The client port; 0 (default) picks a free one. */
    public Builder port(int port) {
      this.port = checkPort(port, "port");
      return this;
    }

    /** The controller port; 0 (default) picks a free one. */
    public Builder controllerPort(int port) {
      this.controllerPort = checkPort(port, "controller port");
      return this;
    }

    /**
     * The address of the clients' listener: 127.0.0.1 (default), or 0.0.0.0 for every interface (a
     * broker in a container). The controller stays on 127.0.0.1.
     */
    public Builder listenHost(String host) {
      this.listenHost = checkHost(host, "listen host");
      return this;
    }

    /**
     * The host clients are told to connect to (advertised.listeners); default: the listen host, or
     * 127.0.0.1 when that is 0.0.0.0. It must resolve where the broker runs too (the broker checks
     * it answers through it), e.g. the container's hostname.
     */
    public Builder advertisedHost(String host) {
      this.advertisedHost = checkHost(host, "advertised host");
      return this;
    }

    private static String checkHost(String host, String what) {
      if (host == null || host.isBlank() || host.contains(":") || host.contains(",")) {
        throw new IllegalArgumentException(what + " must be a host name or IPv4 address: " + host);
      }
      return host.trim();
    }

    /**
     * Whether Kafka's exit and halt procedures are replaced by exceptions (default true; the
     * standalone broker keeps Kafka's own).
     */
    public Builder replaceExitProcedures(boolean replace) {
      this.replaceExitProcedures = replace;
      return this;
    }

    /** Any further broker setting, e.g. {@code num.partitions}. */
    public Builder config(String key, String value) {
      overrides.setProperty(key, value);
      return this;
    }

    /** Formats the storage if needed, starts the broker and waits until it answers. */
    public KafkaLocal start() {
      if (replaceExitProcedures) {
        Exit.setExitProcedure(
            (status, message) -> {
              throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
            });
        Exit.setHaltProcedure(
            (status, message) -> {
              throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
            });
      }
      boolean temporary = dataDir == null;
      Path dir = temporary ? createTempDir() : dataDir.toAbsolutePath();
      int p = port == 0 ? freePort() : port;
      int cp = controllerPort == 0 ? freePort() : controllerPort;
      String advertised =
          advertisedHost != null
              ? advertisedHost
              : listenHost.equals("0.0.0.0") ? "127.0.0.1" : listenHost;
      Properties props = BrokerSettings.singleNode(dir, p, cp, listenHost, advertised);
      props.putAll(overrides);
      format(dir, props);
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      KafkaLocal broker = new KafkaLocal(server, dir, temporary, p, cp);
      try {
        awaitReady(broker.bootstrapServers());
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
      return broker;
    }
  }

  private static void format(Path dir, Properties props) {
    Path logDir = dir.resolve("log");
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return; // formatted before: keep the data
    }
    try {
      Files.createDirectories(logDir);
      Path file = dir.resolve("server.properties");
      try (var out = Files.newOutputStream(file)) {
        props.store(out, "neurohpo kafka-local");
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      int status;
      try (PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
        status =
            StorageTool.execute(
                new String[] {
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  file.toString(),
                  "--ignore-formatted"
                },
                print);
      }
      if (status != 0) {
        throw new IllegalStateException(
            "formatting Kafka storage in "
                + dir
                + " failed: "
                + buffer.toString(StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka storage in " + dir, e);
    }
  }

  private static void awaitReady(String bootstrap) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the Kafka broker at " + bootstrap + " did not answer within " + READY_TIMEOUT);
        }
        sleep(100);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static int checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be in [0, 65535], got " + port);
    }
    return port;
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("kafka-local-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
