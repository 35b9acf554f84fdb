package org.neurohpo.optimizer.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a JWT as an OIDC provider issues it (a JWS in compact form): signed with RS256, RS384,
 * RS512, ES256 or ES384 by one of the configured public keys (chosen by {@code kid}), issued by the
 * configured issuer, for the configured audience (when one is), not expired and already valid
 * ({@code exp} required, {@code nbf} optional, both with a clock skew). {@code alg} none and the
 * HMAC algorithms are refused: the keys here are public. The caller is {@code preferred_username},
 * or {@code sub} when there is none; its groups are the {@code groups} claim. Plain Java.
 */
public final class JwtVerifier {
  /** A token longer than this is refused before it is decoded. */
  static final int MAX_LENGTH = 8192;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SIGNATURES =
      Map.of(
          "RS256", "SHA256withRSA",
          "RS384", "SHA384withRSA",
          "RS512", "SHA512withRSA",
          "ES256", "SHA256withECDSAinP1363Format",
          "ES384", "SHA384withECDSAinP1363Format");
  private static final Map<String, Integer> EC_FIELD_BITS = Map.of("ES256", 256, "ES384", 384);

  private final JwtKeys keys;
  private final String issuer;
  private final Set<String> audiences;
  private final Duration skew;
  private final Clock clock;

  /**
   * @param audiences accepted audiences; empty: {@code aud} is not checked
   */
  public JwtVerifier(
      JwtKeys keys, String issuer, Set<String> audiences, Duration skew, Clock clock) {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException(
          "neurohpo.auth.jwt.issuer is required with neurohpo.auth.jwt.public-key-location");
    }
    this.keys = Objects.requireNonNull(keys);
    this.issuer = issuer;
    this.audiences = Set.copyOf(audiences);
    this.skew = skew;
    this.clock = clock;
  }

  /** The caller of a valid token and its groups. */
  public record Caller(String name, Set<String> groups) {}

  /** A token that is not valid here; the message says why in one line (it is logged, not sent). */
  public static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason);
    }
  }

  /** Whether {@code token} has the shape of a compact JWS (three base64url parts). */
  public static boolean looksLikeJwt(String token) {
    return token.length() <= MAX_LENGTH
        && token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  }

  public Caller verify(String token) throws Rejected {
    if (!looksLikeJwt(token)) {
      throw new Rejected("not a compact JWS of at most " + MAX_LENGTH + " characters");
    }
    String[] parts = token.split("\\.", -1);
    JsonNode header = json(parts[0], "header");
    String alg = header.path("alg").asText("");
    String algorithm = SIGNATURES.get(alg);
    if (algorithm == null) {
      throw new Rejected("alg " + alg + " is not accepted (RS256/384/512, ES256/384)");
    }
    String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
    PublicKey key =
        keys.forId(kid)
            .orElseThrow(
                () ->
                    new Rejected(
                        kid == null ? "no kid, and several keys" : "no key of kid " + kid));
    checkKeyFits(alg, key);
    if (!signatureHolds(algorithm, key, parts)) {
      throw new Rejected("bad signature");
    }
    JsonNode claims = json(parts[1], "payload");
    checkTimes(claims);
    if (!issuer.equals(claims.path("iss").asText(null))) {
      throw new Rejected("issuer " + claims.path("iss") + " is not " + issuer);
    }
    if (!audiences.isEmpty()
        && audiences.stream().noneMatch(strings(claims.path("aud"))::contains)) {
      throw new Rejected("audience " + claims.path("aud") + " is none of " + audiences);
    }
    return new Caller(nameOf(claims), strings(claims.path("groups")));
  }

  private static void checkKeyFits(String alg, PublicKey key) throws Rejected {
    boolean fits =
        alg.startsWith("RS")
            ? key instanceof RSAPublicKey
            : key instanceof ECPublicKey
                && ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize()
                    == EC_FIELD_BITS.get(alg);
    if (!fits) {
      throw new Rejected("alg " + alg + " does not fit its key (" + key.getAlgorithm() + ")");
    }
  }

  private static boolean signatureHolds(String algorithm, PublicKey key, String[] parts)
      throws Rejected {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initVerify(key);
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private void checkTimes(JsonNode claims) throws Rejected {
    long now = clock.instant().getEpochSecond();
    long skewSeconds = skew.toSeconds();
    if (!claims.path("exp").isNumber()) {
      throw new Rejected("no exp");
    }
    if (claims.get("exp").asLong() + skewSeconds <= now) {
      throw new Rejected("expired");
    }
    if (claims.has("nbf")
        && (!claims.get("nbf").isNumber() || claims.get("nbf").asLong() - skewSeconds > now)) {
      throw new Rejected("not valid yet (nbf)");
    }
  }

  private static String nameOf(JsonNode claims) throws Rejected {
    String name =
        claims.hasNonNull("preferred_username")
            ? claims.get("preferred_username").asText()
            : claims.path("sub").asText("");
    if (!name.matches("[^\\p{Cntrl}\\s]{1,200}")) {
      throw new Rejected("no preferred_username or sub of 1-200 printable characters");
    }
    return name;
  }

  private static Set<String> strings(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    if (node.isTextual()) {
      out.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static JsonNode json(String part, String what) throws Rejected {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw new Rejected(what + " is not a JSON object");
      }
      return node;
    } catch (IOException | IllegalArgumentException e) {
      throw new Rejected(what + " is not base64url JSON");
    }
  }
}
