package org.neurohpo.optimizer.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys that may sign a JWT, by key id ({@code kid}): read from a PEM file (one RSA or EC
 * public key, or a certificate; its key has no id) or a JWKS file ({@code {"keys":[...]}}, RSA and
 * EC P-256/P-384 signing keys; others, such as symmetric or encryption keys, are passed over).
 * Plain Java.
 */
public final class JwtKeys {
  /** The id of a key that came without one (a PEM file). */
  static final String NO_ID = "";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, PublicKey> byId;

  JwtKeys(Map<String, PublicKey> byId) {
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("no RSA or EC signing key found");
    }
    this.byId = Map.copyOf(byId);
  }

  /** Reads a PEM or JWKS file; the message of a failure names the file and what is wrong. */
  public static JwtKeys read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "neurohpo.auth.jwt.public-key-location: cannot read " + file + ": " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "neurohpo.auth.jwt.public-key-location: " + file + ": " + e.getMessage());
    }
  }

  /** A PEM public key or certificate, or a JWKS (or one JWK) as JSON. */
  public static JwtKeys parse(String text) {
    String t = text.strip();
    if (t.startsWith("{")) {
      return fromJwks(t);
    }
    if (t.startsWith("-----BEGIN PUBLIC KEY-----")) {
      return new JwtKeys(Map.of(NO_ID, fromSubjectPublicKeyInfo(pemBody(t, "PUBLIC KEY"))));
    }
    if (t.startsWith("-----BEGIN CERTIFICATE-----")) {
      try {
        var cert =
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)));
        return new JwtKeys(Map.of(NO_ID, cert.getPublicKey()));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("not a readable X.509 certificate");
      }
    }
    throw new IllegalArgumentException(
        "expected a PEM public key (-----BEGIN PUBLIC KEY-----), a PEM certificate or a JWKS"
            + " (JSON)");
  }

  /** The key of id {@code kid}; with no id, the only key there is. */
  public Optional<PublicKey> forId(String kid) {
    if (kid == null) {
      return byId.size() == 1 ? byId.values().stream().findFirst() : Optional.empty();
    }
    return Optional.ofNullable(byId.get(kid));
  }

  public int size() {
    return byId.size();
  }

  private static byte[] pemBody(String pem, String label) {
    int end = pem.indexOf("-----END " + label + "-----");
    if (end < 0) {
      throw new IllegalArgumentException("PEM without -----END " + label + "-----");
    }
    String body = pem.substring(("-----BEGIN " + label + "-----").length(), end);
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM body is not base64");
    }
  }

  private static PublicKey fromSubjectPublicKeyInfo(byte[] der) {
    for (String type : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not of this type: try the next
      }
    }
    throw new IllegalArgumentException("PEM public key is neither RSA nor EC");
  }

  private static JwtKeys fromJwks(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    JsonNode keys = root.has("keys") ? root.get("keys") : JSON.createArrayNode().add(root);
    if (!keys.isArray()) {
      throw new IllegalArgumentException("\"keys\" is not an array");
    }
    Map<String, PublicKey> byId = new LinkedHashMap<>();
    for (JsonNode jwk : keys) {
      if (jwk.path("use").asText("sig").equals("sig")) {
        fromJwk(jwk).ifPresent(k -> putOnce(byId, jwk.path("kid").asText(NO_ID), k));
      }
    }
    return new JwtKeys(byId);
  }

  private static void putOnce(Map<String, PublicKey> byId, String kid, PublicKey key) {
    if (byId.put(kid, key) != null) {
      throw new IllegalArgumentException(
          kid.isEmpty() ? "several keys without a \"kid\"" : "kid " + kid + " is listed twice");
    }
  }

  private static Optional<PublicKey> fromJwk(JsonNode jwk) {
    try {
      switch (jwk.path("kty").asText()) {
        case "RSA":
          return Optional.of(
              KeyFactory.getInstance("RSA")
                  .generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"))));
        case "EC":
          String curve = curveOf(jwk.path("crv").asText());
          if (curve == null) {
            return Optional.empty();
          }
          AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
          p.init(new ECGenParameterSpec(curve));
          ECPoint w = new ECPoint(number(jwk, "x"), number(jwk, "y"));
          return Optional.of(
              KeyFactory.getInstance("EC")
                  .generatePublic(
                      new ECPublicKeySpec(w, p.getParameterSpec(ECParameterSpec.class))));
        default:
          return Optional.empty(); // oct (HMAC), OKP: never accepted
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "key " + jwk.path("kid").asText("(no kid)") + " is not a valid " + jwk.path("kty"));
    }
  }

  private static String curveOf(String crv) {
    switch (crv) {
      case "P-256":
        return "secp256r1";
      case "P-384":
        return "secp384r1";
      default:
        return null;
    }
  }

  private static BigInteger number(JsonNode jwk, String field) {
    String v = jwk.path(field).asText("");
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(v);
      if (bytes.length == 0) {
        throw new IllegalArgumentException("empty");
      }
      return new BigInteger(1, bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key "
              + jwk.path("kid").asText("(no kid)")
              + ": \""
              + field
              + "\" is missing or not base64url");
    }
  }
}
