package org.neurohpo.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the single-node broker as its own JVM until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>Usage: {@code KafkaLocalMain [--port P] [--controller-port C] [--data-dir DIR] [--partitions
 * N] [--listen-host H] [--advertised-host A]} (partitions of topics created on first use, default
 * 4; the clients' listener on H, 127.0.0.1 by default, 0.0.0.0 in a container, advertised as A, by
 * default H or 127.0.0.1 for 0.0.0.0). When the broker answers it prints one line {@code
 * KAFKA_READY <host:port>} on stdout, which the {@code neurohpo run} launcher waits for.
 *
 * <p>Security of the clients' listener (PLAINTEXT without these options):
 *
 * <ul>
 *   <li>{@code --tls DIR}: TLS (SSL) with {@code DIR/broker.p12} and {@code DIR/truststore.p12},
 *       PKCS12 under the password in {@code $KAFKA_LOCAL_TLS_PASSWORD} or {@code DIR/tls-password};
 *       when DIR has none, a throwaway CA, broker and client key are made there ({@link
 *       Certificates}, the broker's certificate naming localhost, 127.0.0.1 and A).
 *   <li>{@code --client-auth}: with --tls, clients need a certificate the CA signed (mutual TLS).
 *   <li>{@code --scram-user NAME}: with --tls, SASL_SSL: clients log in with SCRAM-SHA-512 as NAME,
 *       whose password is {@code $KAFKA_LOCAL_SCRAM_PASSWORD} or one made up once and kept in
 *       {@code DIR/scram-password}. Users are created when the storage is formatted.
 * </ul>
 *
 * With --tls it writes {@code DIR/client.properties} (owner-only): the settings a client needs, for
 * {@code neurohpo --kafka-config} or Kafka's tools' {@code --command-config}.
 */
public final class KafkaLocalMain {
  private KafkaLocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    KafkaLocal.Builder builder = KafkaLocal.builder().replaceExitProcedures(false);
    Path tls = null;
    boolean clientAuth = false;
    String scramUser = null;
    String advertised = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--port" -> builder.port(parsePort(args[i], value));
          case "--controller-port" -> builder.controllerPort(parsePort(args[i], value));
          case "--data-dir" -> builder.dataDir(Path.of(required(args[i], value)));
          case "--listen-host" -> builder.listenHost(required(args[i], value));
          case "--advertised-host" -> {
            advertised = required(args[i], value);
            builder.advertisedHost(advertised);
          }
          case "--tls" -> tls = Path.of(required(args[i], value));
          case "--scram-user" -> scramUser = required(args[i], value);
          case "--client-auth" -> {
            clientAuth = true;
            i--; // takes no value
          }
          case "--partitions" ->
              builder.config("num.partitions", Integer.toString(parseCount(args[i], value)));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (tls == null && (clientAuth || scramUser != null)) {
        throw new IllegalArgumentException("--client-auth and --scram-user need --tls DIR");
      }
      if (tls != null) {
        secure(builder, tls, clientAuth, scramUser, advertised);
      }
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      System.err.println("kafka-local: error: " + e.getMessage());
      System.exit(2);
    }
    KafkaLocal broker = builder.start();
    if (tls != null) {
      writeClientProperties(tls.resolve("client.properties"), broker.clientSettings());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "kafka-local-shutdown"));
    System.out.println("KAFKA_READY " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }

  private static void secure(
      KafkaLocal.Builder builder, Path dir, boolean clientAuth, String user, String advertised) {
    String password = secret("KAFKA_LOCAL_TLS_PASSWORD", dir.resolve("tls-password"));
    Certificates certs =
        Certificates.existIn(dir)
            ? new Certificates(dir.toAbsolutePath(), password)
            : Certificates.generate(
                dir, password, advertised == null ? List.of() : List.of(advertised));
    builder.tls(certs);
    if (clientAuth) {
      builder.requireClientCertificates();
    }
    if (user != null) {
      builder.scramUser(user, secret("KAFKA_LOCAL_SCRAM_PASSWORD", dir.resolve("scram-password")));
    }
  }

  /** The environment variable's value, or the file's, or a new random one kept in the file. */
  private static String secret(String env, Path file) {
    String value = System.getenv(env);
    if (value != null && !value.isBlank()) {
      return value.strip();
    }
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createDirectories(file.toAbsolutePath().getParent());
      writeOwnerOnly(file, made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static void writeClientProperties(Path file, Map<String, String> settings) {
    Properties p = new Properties();
    p.putAll(settings);
    java.io.StringWriter text = new java.io.StringWriter();
    try {
      p.store(text, "what a client of this kafka-local broker needs besides bootstrap.servers");
      writeOwnerOnly(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static int parseCount(String option, String value) {
    try {
      int n = Integer.parseInt(required(option, value));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number >= 1, got '" + value + "'");
    }
  }

  private static int parsePort(String option, String value) {
    try {
      return Integer.parseInt(required(option, value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a port number, got '" + value + "'");
    }
  }
}
