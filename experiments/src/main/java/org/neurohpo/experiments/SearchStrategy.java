package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A search of a comparison by name: {@code bo} or {@code random} at full fidelity (every trial all
 * its runs), or with a multi-fidelity scheduler over the runs of a trial (issue 17, ADR 0007):
 * {@code asha-bo}, {@code asha-random}, {@code hyperband-bo}, {@code hyperband-random}, with rungs
 * from {@link #MIN_RUNS} runs (or fewer when a search has fewer) to the search's runs, eta {@link
 * #ETA}.
 *
 * @param name the name as given (and the search's folder)
 * @param strategy the study's {@code strategy}: {@code bo} or {@code random}
 * @param scheduler {@code asha} or {@code hyperband}; null at full fidelity
 */
public record SearchStrategy(String name, String strategy, String scheduler) {
  /** Every name a comparison accepts. */
  public static final List<String> NAMES =
      List.of("bo", "random", "asha-bo", "asha-random", "hyperband-bo", "hyperband-random");

  /** Runs of a scheduled search's lowest rung. */
  public static final int MIN_RUNS = 2;

  /** A scheduled search's reduction factor. */
  public static final int ETA = 3;

  /** The strategy of a name in {@link #NAMES}; any other name is an error naming them. */
  public static SearchStrategy parse(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "--strategies: unknown search strategy '"
              + name
              + "' ("
              + String.join(", ", NAMES)
              + ")");
    }
    int dash = name.indexOf('-');
    return dash < 0
        ? new SearchStrategy(name, name, null)
        : new SearchStrategy(name, name.substring(dash + 1), name.substring(0, dash));
  }

  /**
   * The strategy of any study strategy name: a scheduled name of {@link #NAMES} with its scheduler,
   * any other name (bo, random, parego, ...) as it is; each design checks the names it takes.
   */
  static SearchStrategy of(String name) {
    return NAMES.contains(name) ? parse(name) : new SearchStrategy(name, name, null);
  }

  /** Sets {@code study}'s strategy and, for a scheduled search of {@code runs} runs, scheduler. */
  void apply(ObjectNode study, int runs) {
    study.put("strategy", strategy);
    if (scheduler != null) {
      ObjectNode s = study.putObject("scheduler");
      s.put("type", scheduler);
      s.put("fidelity", "runs");
      s.put("min", Math.min(MIN_RUNS, runs));
      s.put("max", runs);
      s.put("eta", ETA);
    }
  }
}
