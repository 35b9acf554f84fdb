package org.neurohpo.optimizer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {
  private static final KeyPair RSA = TestJwts.rsa();
  private static final KeyPair EC = TestJwts.ec("secp256r1");

  @Test
  void readsAnRsaOrEcPemPublicKeyAsTheOnlyKey() {
    for (KeyPair pair : new KeyPair[] {RSA, EC}) {
      JwtKeys keys = JwtKeys.parse(TestJwts.pem(pair.getPublic()));
      assertThat(keys.forId(null)).contains(pair.getPublic());
      assertThat(keys.forId("any")).isEmpty();
    }
  }

  @Test
  void readsAJwksByKidAndPassesOverKeysItNeverAccepts() {
    String jwks = TestJwts.jwks(Map.of("r", RSA.getPublic(), "e", EC.getPublic()));
    String withOthers =
        jwks.replace(
            "{\"keys\":[",
            "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"},"
                + "{\"kty\":\"RSA\",\"kid\":\"enc\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"},");
    JwtKeys keys = JwtKeys.parse(withOthers);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.forId("r")).contains(RSA.getPublic());
    assertThat(keys.forId("e")).contains(EC.getPublic());
    assertThat(keys.forId("h")).isEmpty();
    assertThat(keys.forId(null)).isEmpty();
  }

  @Test
  void namesTheFileAndTheProblem(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> JwtKeys.read(missing))
        .hasMessageStartingWith("neurohpo.auth.jwt.public-key-location: cannot read " + missing);
    Path text = Files.writeString(dir.resolve("key.txt"), "hello");
    assertThatThrownBy(() -> JwtKeys.read(text))
        .hasMessage(
            "neurohpo.auth.jwt.public-key-location: "
                + text
                + ": expected a PEM public key (-----BEGIN PUBLIC KEY-----), a PEM certificate or"
                + " a JWKS (JSON)");
    Path onlyHmac =
        Files.writeString(
            dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");
    assertThatThrownBy(() -> JwtKeys.read(onlyHmac))
        .hasMessageEndingWith(": no RSA or EC signing key found");
    assertThatThrownBy(
            () -> JwtKeys.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"e\":\"AQAB\"}]}"))
        .hasMessage("key k: \"n\" is missing or not base64url");
  }
}
