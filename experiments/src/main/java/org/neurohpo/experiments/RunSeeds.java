package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;

/**
 * The run seeds of the searches: by default the study with optimizer seed S measures on its own
 * seeds 1000*S+1.., so no two studies share a lucky set's luck; all are apart from a grid's 1..R.
 *
 * @param shared every search on the same seeds 1001.. instead
 */
public record RunSeeds(boolean shared) {
  /** First run seed of every search with --shared-run-seeds. */
  public static final int SHARED_BASE = 1001;

  /** Distance between the run seeds of two studies. */
  public static final int STRIDE = 1000;

  public void check(int runs) {
    if (runs > STRIDE - 1) {
      throw new IllegalArgumentException(
          "--runs: at most " + (STRIDE - 1) + " runs per set, got " + runs);
    }
  }

  public int first(int optimizerSeed) {
    return shared ? SHARED_BASE : STRIDE * optimizerSeed + 1;
  }

  public ArrayNode of(int optimizerSeed, int runs) {
    return Specs.seeds(first(optimizerSeed), first(optimizerSeed) + runs - 1);
  }

  public String describe(int runs) {
    return shared
        ? String.format(
            Locale.ROOT, "every study on seeds %d..%d", SHARED_BASE, SHARED_BASE + runs - 1)
        : String.format(
            Locale.ROOT, "the study with optimizer seed S on seeds 1000*S+1..1000*S+%d", runs);
  }
}
