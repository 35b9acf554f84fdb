package org.neurohpo.optimizer.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who may write (prefix {@code neurohpo.auth}); see docs/security.md. */
@ConfigMapping(prefix = "neurohpo.auth")
public interface AuthConfig {
  /**
   * Static bearer tokens, {@code owner:token,owner:token} (env {@code NEUROHPO_AUTH_TOKENS}). None,
   * and no JWT: nobody can create or stop a study.
   */
  Optional<String> tokens();

  /** Owners who may stop any study (env {@code NEUROHPO_AUTH_ADMINS}); JWT callers too. */
  Optional<List<String>> admins();

  /** JWTs of an OIDC provider (env {@code NEUROHPO_AUTH_JWT_*}); off without a key location. */
  Jwt jwt();

  /** JWT bearer tokens, verified here with the provider's public keys. */
  interface Jwt {
    /** A PEM public key or certificate, or a JWKS file (keys by {@code kid}); none: JWT off. */
    Optional<String> publicKeyLocation();

    /** The {@code iss} a token must carry; required when JWT is on. */
    Optional<String> issuer();

    /** Audiences of which a token's {@code aud} must hold one; none: not checked. */
    Optional<List<String>> audience();

    /** A {@code groups} value that makes its holder an admin; none: admins by name only. */
    Optional<String> adminGroup();

    /** How far {@code exp} and {@code nbf} may be off the optimizer's clock. */
    @WithDefault("60s")
    Duration clockSkew();
  }
}
