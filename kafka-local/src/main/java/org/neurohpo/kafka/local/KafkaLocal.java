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
 *
 * <p>Its clients' listener is PLAINTEXT by default; with {@link Builder#tls} it speaks TLS (SSL),
 * with {@link Builder#requireClientCertificates} only to clients with a certificate its trust store
 * trusts (mutual TLS), and with {@link Builder#scramUser} it is SASL_SSL: clients log in with
 * SCRAM-SHA-512. {@link #clientSettings()} are the settings a client with those credentials needs.
 */
public final class KafkaLocal implements AutoCloseable {
  /** The SASL mechanism of a SASL_SSL broker. */
  public static final String SCRAM = "SCRAM-SHA-512";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;
  private final Map<String, String> clientSettings;

  private KafkaLocal(
      KafkaRaftServer server,
      Path dataDir,
      boolean temporary,
      int port,
      int controllerPort,
      Map<String, String> clientSettings) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.controllerPort = controllerPort;
    this.clientSettings = clientSettings;
  }

  /**
   * A SCRAM user of a SASL_SSL broker. Names are letters, digits, '.', '_' and '-'; passwords have
   * at least 8 characters, none of them a quote, backslash, comma, '[' or ']' (the storage tool and
   * JAAS syntax would misread them).
   */
  public record ScramUser(String name, String password) {
    public ScramUser {
      if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException(
            "a SCRAM user name is letters, digits, '.', '_' or '-': " + name);
      }
      if (password == null
          || password.length() < 8
          || password.matches(".*[\\\\\"',\\[\\]\\s].*")) {
        throw new IllegalArgumentException(
            "the password of SCRAM user "
                + name
                + " needs at least 8 characters and no quote, backslash, comma, bracket or space");
      }
    }

    /** The JAAS line a client (or the broker itself) logs in with. */
    public String jaasConfig() {
      return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
          + name
          + "\" password=\""
          + password
          + "\";";
    }

    @Override
    public String toString() {
      return "ScramUser[" + name + "]"; // never the password
    }
  }

  /**
   * The settings a client needs besides {@code bootstrap.servers}: none for a PLAINTEXT broker;
   * otherwise {@code security.protocol}, the trust store, the client's key store (mutual TLS) and
   * the first SCRAM user's login (SASL_SSL).
   */
  public Map<String, String> clientSettings() {
    return clientSettings;
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
    private Certificates certificates;
    private boolean clientAuth;
    private final java.util.List<ScramUser> scramUsers = new java.util.ArrayList<>();
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

    /** The clients' listener speaks TLS with the broker key and trust store of {@code certs}. */
    public Builder tls(Certificates certs) {
      this.certificates = certs;
      return this;
    }

    /**
     * Clients must present a certificate the trust store trusts (mutual TLS); needs {@link #tls}.
     */
    public Builder requireClientCertificates() {
      this.clientAuth = true;
      return this;
    }

    /**
     * Clients log in with SCRAM-SHA-512 (SASL_SSL; needs {@link #tls}); this user is created when
     * the storage is formatted, so a kept data directory keeps the users it was formatted with. The
     * first user is the one the broker itself logs in as.
     */
    public Builder scramUser(String name, String password) {
      scramUsers.add(new ScramUser(name, password));
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
      Map<String, String> client = Map.of();
      if (certificates == null && (clientAuth || !scramUsers.isEmpty())) {
        throw new IllegalArgumentException(
            "client certificates and SCRAM users need TLS: give the broker its certificates");
      }
      if (certificates != null) {
        String protocol = scramUsers.isEmpty() ? "SSL" : "SASL_SSL";
        ScramUser first = scramUsers.isEmpty() ? null : scramUsers.get(0);
        BrokerSettings.secure(props, protocol, certificates, clientAuth, first);
        client = clientSettings(protocol, certificates, clientAuth, first);
      }
      props.putAll(overrides);
      format(dir, props, scramUsers);
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      KafkaLocal broker = new KafkaLocal(server, dir, temporary, p, cp, client);
      try {
        awaitReady(broker.bootstrapServers(), client);
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
      return broker;
    }
  }

  private static Map<String, String> clientSettings(
      String protocol, Certificates certs, boolean clientAuth, ScramUser user) {
    Map<String, String> c = new java.util.LinkedHashMap<>();
    c.put("security.protocol", protocol);
    c.put("ssl.truststore.type", "PKCS12");
    c.put("ssl.truststore.location", certs.truststore().toString());
    c.put("ssl.truststore.password", certs.password());
    if (clientAuth) {
      c.put("ssl.keystore.type", "PKCS12");
      c.put("ssl.keystore.location", certs.clientKeystore().toString());
      c.put("ssl.keystore.password", certs.password());
      c.put("ssl.key.password", certs.password());
    }
    if (user != null) {
      c.put("sasl.mechanism", SCRAM);
      c.put("sasl.jaas.config", user.jaasConfig());
    }
    return java.util.Collections.unmodifiableMap(c);
  }

  private static void format(Path dir, Properties props, java.util.List<ScramUser> users) {
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
      java.util.List<String> args =
          new java.util.ArrayList<>(
              java.util.List.of(
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  file.toString(),
                  "--ignore-formatted"));
      for (ScramUser u : users) {
        args.add("--add-scram");
        args.add(SCRAM + "=[name=" + u.name() + ",password=" + u.password() + "]");
      }
      try (PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
        status = StorageTool.execute(args.toArray(String[]::new), print);
      } finally {
        // it held the broker's passwords; the broker gets its settings from memory
        Files.deleteIfExists(file);
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

  private static void awaitReady(String bootstrap, Map<String, String> clientSettings) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Map<String, Object> config = new java.util.HashMap<>(clientSettings);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    try (Admin admin = Admin.create(config)) {
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
