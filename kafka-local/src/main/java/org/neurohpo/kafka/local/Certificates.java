package org.neurohpo.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway TLS material for a broker and one client, all PKCS12 under one password: a CA of its
 * own ({@code ca.p12}), the broker's key and certificate signed by it ({@code broker.p12}, valid
 * for localhost, 127.0.0.1 and the given hosts), a client's ({@code client.p12}, for mutual TLS)
 * and a trust store holding the CA only ({@code truststore.p12}), which broker and clients both
 * trust; {@code ca.pem} is the CA's certificate for clients that take PEM. Made with the JDK's
 * {@code keytool}; for tests and a local broker, not for production.
 */
public record Certificates(Path dir, String password) {
  public static final String CA = "ca.p12";
  public static final String BROKER = "broker.p12";
  public static final String CLIENT = "client.p12";
  public static final String TRUSTSTORE = "truststore.p12";

  public Certificates {
    if (password == null || password.length() < 6) {
      throw new IllegalArgumentException("a key store password needs at least 6 characters");
    }
  }

  public Path brokerKeystore() {
    return dir.resolve(BROKER);
  }

  public Path clientKeystore() {
    return dir.resolve(CLIENT);
  }

  public Path truststore() {
    return dir.resolve(TRUSTSTORE);
  }

  /** Whether {@code dir} holds a broker key store and a trust store. */
  public static boolean existIn(Path dir) {
    return Files.isRegularFile(dir.resolve(BROKER)) && Files.isRegularFile(dir.resolve(TRUSTSTORE));
  }

  /**
   * Makes a CA and the broker's and a client's keys in {@code dir} (created if needed); the
   * broker's certificate names localhost, 127.0.0.1 and {@code hosts}.
   */
  public static Certificates generate(Path dir, String password, List<String> hosts) {
    Certificates c = new Certificates(dir.toAbsolutePath(), password);
    try {
      Files.createDirectories(c.dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    c.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=neurohpo kafka-local CA")
        .with("-ext", "bc:c", "-keystore", CA)
        .run();
    c.keytool("-exportcert", "-alias", "ca", "-rfc", "-file", "ca.pem", "-keystore", CA).run();
    c.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem")
        .with("-keystore", TRUSTSTORE)
        .run();
    Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1"));
    for (String h : hosts) {
      names.add((h.matches("[0-9.]+") ? "ip:" : "dns:") + h);
    }
    // the two keys are independent: made side by side, each keytool being a JVM start
    CompletableFuture<Void> broker =
        CompletableFuture.runAsync(() -> c.signed("broker", "CN=kafka-local", names));
    CompletableFuture<Void> client =
        CompletableFuture.runAsync(() -> c.signed("client", "CN=neurohpo-client", Set.of()));
    try {
      CompletableFuture.allOf(broker, client).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    c.tidy();
    return c;
  }

  /** Keeps ca.pem and the stores; the private keys' stores readable by their owner only. */
  private void tidy() {
    try {
      for (String name : List.of("broker", "client")) {
        Files.deleteIfExists(dir.resolve(name + ".csr"));
        Files.deleteIfExists(dir.resolve(name + ".pem"));
      }
      for (String store : List.of(CA, BROKER, CLIENT)) {
        Files.setPosixFilePermissions(
            dir.resolve(store), PosixFilePermissions.fromString("rw-------"));
      }
    } catch (UnsupportedOperationException notPosix) {
      // another file system: left as the umask made them
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy " + dir, e);
    }
  }

  /** A key in {@code <name>.p12} with its certificate signed by the CA, the CA's beside it. */
  private void signed(String name, String subject, Set<String> altNames) {
    String store = name + ".p12";
    keytool("-genkeypair", "-alias", name, "-dname", subject, "-keystore", store).run();
    keytool("-certreq", "-alias", name, "-file", name + ".csr", "-keystore", store).run();
    Keytool sign =
        keytool("-gencert", "-alias", "ca", "-infile", name + ".csr", "-outfile", name + ".pem")
            .with("-rfc", "-keystore", CA);
    if (!altNames.isEmpty()) {
      sign.with("-ext", "SAN=" + String.join(",", altNames));
    }
    sign.run();
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store)
        .run();
    keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store).run();
  }

  private Keytool keytool(String... args) {
    return new Keytool(this).with(args);
  }

  /** One keytool command in {@link #dir}, with the password and key type every command takes. */
  private static final class Keytool {
    private final Certificates certs;
    private final List<String> args = new ArrayList<>();

    Keytool(Certificates certs) {
      this.certs = certs;
    }

    Keytool with(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    void run() {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      cmd.addAll(args);
      cmd.addAll(List.of("-storetype", "PKCS12", "-storepass:env", "KEYTOOL_PASSWORD"));
      if (args.get(0).equals("-genkeypair")) {
        cmd.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650"));
      } else if (args.get(0).equals("-gencert")) {
        cmd.addAll(List.of("-validity", "3650"));
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(certs.dir.toFile());
      pb.redirectErrorStream(true);
      // in the environment, not on the command line, where other users of the machine see it
      pb.environment().put("KEYTOOL_PASSWORD", certs.password);
      try {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("keytool " + args.get(0) + " failed: " + out.strip());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run keytool", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running keytool", e);
      }
    }
  }
}
