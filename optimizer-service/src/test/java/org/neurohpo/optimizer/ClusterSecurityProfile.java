package org.neurohpo.optimizer;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.neurohpo.optimizer.security.TestJwts;

/**
 * The optimizer as a cluster would run it: JWTs of an OIDC provider (its JWKS holds an RSA key
 * "rsa-1" and an EC P-256 key "ec-1", made here), reads protected by Quarkus HTTP permissions, and
 * the management endpoints on a port of their own. The static test tokens still hold.
 */
public class ClusterSecurityProfile implements QuarkusTestProfile {
  public static final String ADMIN_GROUP = "neurohpo-admins";

  /**
   * The private keys, made once per JVM and kept on disk (the profile and the tests may be loaded
   * by different class loaders, so a static field would not be shared).
   */
  static PrivateKey privateKey(String kid) {
    try {
      byte[] der = Files.readAllBytes(keyDir().resolve(kid + ".key"));
      return KeyFactory.getInstance(kid.startsWith("rsa") ? "RSA" : "EC")
          .generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalStateException("test key " + kid + ": " + e, e);
    }
  }

  private static synchronized Path keyDir() throws IOException {
    String dir = System.getProperty("neurohpo.test.jwt-dir");
    if (dir != null) {
      return Path.of(dir);
    }
    Path d = Files.createTempDirectory("neurohpo-jwt");
    KeyPair rsa = TestJwts.rsa();
    KeyPair ec = TestJwts.ec("secp256r1");
    Files.write(d.resolve("rsa-1.key"), rsa.getPrivate().getEncoded());
    Files.write(d.resolve("ec-1.key"), ec.getPrivate().getEncoded());
    Files.writeString(
        d.resolve("jwks.json"),
        TestJwts.jwks(Map.of("rsa-1", rsa.getPublic(), "ec-1", ec.getPublic())));
    System.setProperty("neurohpo.test.jwt-dir", d.toString());
    return d;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    try (ServerSocket free = new ServerSocket(0)) {
      return Map.of(
          "neurohpo.auth.jwt.public-key-location",
          keyDir().resolve("jwks.json").toString(),
          "neurohpo.auth.jwt.issuer",
          TestJwts.ISSUER,
          "neurohpo.auth.jwt.audience",
          TestJwts.AUDIENCE,
          "neurohpo.auth.jwt.admin-group",
          ADMIN_GROUP,
          "quarkus.http.auth.permission.read.paths",
          "/studies,/studies/*,/datasets,/datasets/*",
          "quarkus.http.auth.permission.read.policy",
          "authenticated",
          "quarkus.management.enabled",
          "true",
          "quarkus.management.test-port",
          String.valueOf(free.getLocalPort()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
