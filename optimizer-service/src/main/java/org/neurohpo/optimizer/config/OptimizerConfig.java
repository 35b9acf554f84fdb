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

  /**
   * Ended studies kept in memory (as compact views) and studies of the cluster listed; past it the
   * oldest ended ones are forgotten here (the results service holds the most recently ended up to
   * {@code neurohpo.results.trials-kept} trials; the archive topic keeps every ended study).
   */
  @WithDefault("100000")
  int studiesKept();

  /** Limits of a study spec ({@code neurohpo.optimizer.limits.*}). */
  Limits limits();

  /** Sizes a study spec may not exceed; a spec beyond them is answered 400. */
  interface Limits {
    /** Characters of a study's name. */
    @WithDefault("200")
    int nameLength();

    /** Trials of one study. */
    @WithDefault("10000")
    int budget();

    /** Seeds (runs per trial) of one study. */
    @WithDefault("100")
    int seeds();

    /** HPs of a search space, and fixed HPs. */
    @WithDefault("64")
    int parameters();

    /** Studies one owner may have running at once. */
    @WithDefault("20")
    int runningStudiesPerOwner();

    /** Bytes of a study spec (JSON). */
    @WithDefault("262144")
    int specBytes();

    /** Bytes of a registered data set's CSV (it travels in one Kafka record). */
    @WithDefault("524288")
    int datasetBytes();

    /** Samples of a registered data set. */
    @WithDefault("100000")
    int datasetRows();

    /** Columns of a registered data set (features and the class). */
    @WithDefault("1000")
    int datasetColumns();

    /** Data sets one owner may register. */
    @WithDefault("100")
    int datasetsPerOwner();
  }
}
