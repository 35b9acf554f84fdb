package org.neurohpo.optimizer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.neurohpo.optimizer.security.TestJwts.claims;
import static org.neurohpo.optimizer.security.TestJwts.sign;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
  private static final KeyPair RSA = TestJwts.rsa();
  private static final KeyPair P256 = TestJwts.ec("secp256r1");
  private static final KeyPair P384 = TestJwts.ec("secp384r1");
  private static final KeyPair STRANGER = TestJwts.rsa();

  private static JwtVerifier verifier(Set<String> audiences) {
    Map<String, PublicKey> keys =
        Map.of("rsa", RSA.getPublic(), "p256", P256.getPublic(), "p384", P384.getPublic());
    return new JwtVerifier(
        JwtKeys.parse(TestJwts.jwks(keys)),
        TestJwts.ISSUER,
        audiences,
        Duration.ofSeconds(60),
        Clock.systemUTC());
  }

  private static final JwtVerifier VERIFIER = verifier(Set.of(TestJwts.AUDIENCE));

  private static String rejection(String token) {
    try {
      VERIFIER.verify(token);
    } catch (JwtVerifier.Rejected e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + token);
  }

  @Test
  void acceptsEveryRsaAndEcAlgorithmWithItsKey() throws Exception {
    for (String alg : new String[] {"RS256", "RS384", "RS512"}) {
      assertThat(VERIFIER.verify(sign(alg, RSA.getPrivate(), "rsa", claims("ada", "team"))))
          .isEqualTo(new JwtVerifier.Caller("ada", Set.of("team")));
    }
    assertThat(VERIFIER.verify(sign("ES256", P256.getPrivate(), "p256", claims("bo"))).name())
        .isEqualTo("bo");
    assertThat(VERIFIER.verify(sign("ES384", P384.getPrivate(), "p384", claims("cy"))).name())
        .isEqualTo("cy");
  }

  @Test
  void theCallerIsSubWhenThereIsNoPreferredUsername() throws Exception {
    var c = claims("ada");
    c.remove("preferred_username");
    assertThat(VERIFIER.verify(sign("RS256", RSA.getPrivate(), "rsa", c)).name())
        .isEqualTo("id-ada");
    c.remove("sub");
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c)))
        .startsWith("no preferred_username or sub");
  }

  @Test
  void refusesAlgNoneAndHmacSignedWithThePublicKey() throws Exception {
    assertThat(rejection(TestJwts.unsigned(claims("ada")))).startsWith("alg none is not accepted");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(RSA.getPublic().getEncoded(), "HmacSHA256"));
    String input =
        TestJwts.b64("{\"alg\":\"HS256\",\"kid\":\"rsa\"}")
            + "."
            + TestJwts.b64(TestJwts.json(claims("ada")));
    String hs = input + "." + TestJwts.b64(mac.doFinal(input.getBytes()));
    assertThat(rejection(hs)).startsWith("alg HS256 is not accepted");
  }

  @Test
  void refusesASignatureOfAnotherKeyOrATamperedPayload() {
    assertThat(rejection(sign("RS256", STRANGER.getPrivate(), "rsa", claims("ada"))))
        .isEqualTo("bad signature");
    String good = sign("RS256", RSA.getPrivate(), "rsa", claims("ada"));
    String[] p = good.split("\\.");
    String forged = p[0] + "." + TestJwts.b64(TestJwts.json(claims("root", "admins"))) + "." + p[2];
    assertThat(rejection(forged)).isEqualTo("bad signature");
  }

  @Test
  void refusesAnUnknownKidAndAnAlgorithmThatDoesNotFitTheKey() {
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "gone", claims("ada"))))
        .isEqualTo("no key of kid gone");
    // several keys: a token must name one
    assertThat(rejection(sign("RS256", RSA.getPrivate(), null, claims("ada"))))
        .isEqualTo("no kid, and several keys");
    assertThat(rejection(sign("ES384", P256.getPrivate(), "p256", claims("ada"))))
        .startsWith("alg ES384 does not fit its key");
    assertThat(rejection(sign("ES256", P256.getPrivate(), "rsa", claims("ada"))))
        .startsWith("alg ES256 does not fit its key (RSA)");
  }

  @Test
  void checksExpiryAndNotBeforeWithTheClockSkew() throws Exception {
    long now = Instant.now().getEpochSecond();
    var c = claims("ada");
    c.put("exp", now - 30);
    assertThat(VERIFIER.verify(sign("RS256", RSA.getPrivate(), "rsa", c)).name()).isEqualTo("ada");
    c.put("exp", now - 120);
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c))).isEqualTo("expired");
    c.remove("exp");
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c))).isEqualTo("no exp");
    c = claims("ada");
    c.put("nbf", now + 30);
    assertThat(VERIFIER.verify(sign("RS256", RSA.getPrivate(), "rsa", c)).name()).isEqualTo("ada");
    c.put("nbf", now + 120);
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c)))
        .isEqualTo("not valid yet (nbf)");
  }

  @Test
  void checksIssuerAndAudience() throws Exception {
    var c = claims("ada");
    c.put("iss", "https://evil.example");
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c)))
        .startsWith("issuer \"https://evil.example\" is not");
    c = claims("ada");
    c.put("aud", "someone-else");
    assertThat(rejection(sign("RS256", RSA.getPrivate(), "rsa", c)))
        .startsWith("audience \"someone-else\" is none of");
    c.put("aud", TestJwts.AUDIENCE); // a string, not an array
    assertThat(VERIFIER.verify(sign("RS256", RSA.getPrivate(), "rsa", c)).name()).isEqualTo("ada");
    c.remove("aud");
    assertThat(verifier(Set.of()).verify(sign("RS256", RSA.getPrivate(), "rsa", c)).name())
        .isEqualTo("ada");
  }

  @Test
  void refusesWhatIsNotACompactJws() {
    assertThat(rejection("not-a-jwt")).startsWith("not a compact JWS");
    assertThat(rejection("a.b.c.d")).startsWith("not a compact JWS");
    assertThat(rejection("x".repeat(9000) + ".e30.")).startsWith("not a compact JWS");
    assertThat(rejection("bm90IGpzb24.e30.")).isEqualTo("header is not base64url JSON");
  }

  @Test
  void needsAnIssuer() {
    assertThatThrownBy(
            () ->
                new JwtVerifier(
                    JwtKeys.parse(TestJwts.pem(RSA.getPublic())),
                    " ",
                    Set.of(),
                    Duration.ZERO,
                    Clock.systemUTC()))
        .hasMessage(
            "neurohpo.auth.jwt.issuer is required with neurohpo.auth.jwt.public-key-location");
  }
}
