package org.neurohpo.optimizer.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key pairs made with the JDK's KeyPairGenerator and JWTs signed with them, as an OIDC provider
 * would sign them; the public halves as PEM or JWKS. For tests only.
 */
public final class TestJwts {
  public static final String ISSUER = "https://id.example/realms/neurohpo";
  public static final String AUDIENCE = "neurohpo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestJwts() {}

  public static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param curve secp256r1 (ES256) or secp384r1 (ES384)
   */
  public static KeyPair ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims of a valid token of {@code user} (valid for the next 5 minutes). */
  public static Map<String, Object> claims(String user, String... groups) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", ISSUER);
    c.put("aud", List.of(AUDIENCE, "account"));
    c.put("sub", "id-" + user);
    c.put("preferred_username", user);
    c.put("groups", List.of(groups));
    c.put("iat", Instant.now().getEpochSecond());
    c.put("exp", Instant.now().getEpochSecond() + 300);
    return c;
  }

  /** A compact JWS of {@code claims}, signed by {@code key} with {@code alg} (RS*, ES*). */
  public static String sign(String alg, PrivateKey key, String kid, Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", alg);
    header.put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    String input = b64(json(header)) + "." + b64(json(claims));
    String jca =
        alg.startsWith("RS")
            ? "SHA" + alg.substring(2) + "withRSA"
            : "SHA" + alg.substring(2) + "withECDSAinP1363Format";
    try {
      Signature s = Signature.getInstance(jca);
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token with {@code alg} none and no signature. */
  public static String unsigned(Map<String, Object> claims) {
    return b64(json(Map.of("alg", "none", "typ", "JWT"))) + "." + b64(json(claims)) + ".";
  }

  /** A JWKS holding {@code keys} by their kid. */
  public static String jwks(Map<String, PublicKey> keys) {
    List<Map<String, String>> out =
        keys.entrySet().stream().map(e -> jwk(e.getKey(), e.getValue())).toList();
    return json(Map.of("keys", out));
  }

  public static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static Map<String, String> jwk(String kid, PublicKey key) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kid", kid);
    m.put("use", "sig");
    if (key instanceof RSAPublicKey) {
      RSAPublicKey r = (RSAPublicKey) key;
      m.put("kty", "RSA");
      m.put("n", b64(unsigned(r.getModulus(), 0)));
      m.put("e", b64(unsigned(r.getPublicExponent(), 0)));
    } else {
      ECPublicKey e = (ECPublicKey) key;
      int size = (e.getParams().getCurve().getField().getFieldSize() + 7) / 8;
      m.put("kty", "EC");
      m.put("crv", size == 32 ? "P-256" : "P-384");
      m.put("x", b64(unsigned(e.getW().getAffineX(), size)));
      m.put("y", b64(unsigned(e.getW().getAffineY(), size)));
    }
    return m;
  }

  /** Big-endian unsigned bytes, left-padded to {@code size} (0: as short as possible). */
  private static byte[] unsigned(BigInteger n, int size) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = Arrays.copyOfRange(b, 1, b.length);
    }
    if (b.length >= size) {
      return b;
    }
    byte[] padded = new byte[size];
    System.arraycopy(b, 0, padded, size - b.length, b.length);
    return padded;
  }

  static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
