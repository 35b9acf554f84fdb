package org.neurohpo.optimizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the optimizer service (prefix {@code neurohpo.optimizer}). */
@ConfigMapping(prefix = "neurohpo.optimizer")
public interface OptimizerConfig {
  /** Trials each study keeps in flight; set it to at least the number of evaluators. */
  @WithDefault("2")
  int inFlight();

  /** Levels per float parameter for the grid strategy. */
  @WithDefault("5")
  int gridLevels();
}
