package org.neurohpo.optimizer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Static bearer tokens: who holds which token, and who is an admin. Written {@code
 * owner:token,owner:token}; a token is compared in constant time. Plain Java.
 */
public final class Tokens {
  /** A token shorter than this is refused at start: it could be guessed. */
  public static final int MIN_LENGTH = 16;

  private final Map<String, byte[]> byOwner = new LinkedHashMap<>();
  private final Set<String> admins;

  /**
   * @param spec {@code owner:token,owner:token} (blank: no tokens, so nobody can write)
   * @param admins owners who may stop any study
   */
  public Tokens(String spec, List<String> admins) {
    this.admins = Set.copyOf(admins);
    if (spec == null || spec.isBlank()) {
      return;
    }
    for (String entry : spec.split(",")) {
      int colon = entry.indexOf(':');
      String owner = colon < 0 ? "" : entry.substring(0, colon).trim();
      String token = colon < 0 ? "" : entry.substring(colon + 1).trim();
      if (!owner.matches("[A-Za-z0-9._@-]{1,100}")) {
        throw new IllegalArgumentException(
            "neurohpo.auth.tokens: each entry is owner:token with an owner of 1-100 letters,"
                + " digits, '.', '_', '@' or '-'");
      }
      if (token.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            "neurohpo.auth.tokens: the token of " + owner + " is shorter than " + MIN_LENGTH);
      }
      if (byOwner.put(owner, token.getBytes(StandardCharsets.UTF_8)) != null) {
        throw new IllegalArgumentException("neurohpo.auth.tokens: " + owner + " is listed twice");
      }
    }
  }

  /** Whether any token is configured. */
  public boolean any() {
    return !byOwner.isEmpty();
  }

  /** The owner of {@code token}, or empty; every configured token is compared, in constant time. */
  public Optional<String> ownerOf(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> e : byOwner.entrySet()) {
      if (MessageDigest.isEqual(given, e.getValue())) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isAdmin(String owner) {
    return admins.contains(owner);
  }
}
