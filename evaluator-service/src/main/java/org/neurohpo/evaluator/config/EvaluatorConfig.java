package org.neurohpo.evaluator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of one evaluator instance (prefix {@code neurohpo.evaluator}). */
@ConfigMapping(prefix = "neurohpo.evaluator")
public interface EvaluatorConfig {
  /** Threads for EONS fitness; 0 means every core. Results do not depend on it. */
  @WithDefault("0")
  int threads();

  /** The name this instance signs its evaluations with; default: host name and process id. */
  Optional<String> id();
}
