package org.neurohpo.bayes.strategy;

import java.util.List;
import java.util.Optional;

/** Ask for points to evaluate, tell what they scored; minimises. Not thread-safe. */
public interface Optimizer {

  /**
   * {@code n} distinct valid points, none already observed or pending (asked and not yet told),
   * unless the space has fewer left.
   */
  List<Suggestion> ask(int n);

  /** Results, of suggested points or of any other valid points of the space. */
  void tell(List<Observation> observations);

  /** The recommended best point so far. */
  Optional<Incumbent> best();

  /** Everything told so far, in order. */
  List<Observation> history();
}
