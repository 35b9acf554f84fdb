package org.neurohpo.optimizer.security;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Who may write (prefix {@code neurohpo.auth}); see docs/security.md. */
@ConfigMapping(prefix = "neurohpo.auth")
public interface AuthConfig {
  /**
   * Static bearer tokens, {@code owner:token,owner:token} (env {@code NEUROHPO_AUTH_TOKENS}). None:
   * nobody can create or stop a study.
   */
  Optional<String> tokens();

  /** Owners who may stop any study (env {@code NEUROHPO_AUTH_ADMINS}). */
  Optional<List<String>> admins();
}
