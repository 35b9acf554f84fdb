package org.neurohpo.bayes.strategy;

import java.util.List;
import java.util.Optional;

/**
 * The ask/tell interface shared by grid, random and GP-BO strategies. Each strategy is constructed
 * with an explicit seed; the same seed and the same history give the same candidates.
 */
public interface Strategy {

  /**
   * Returns {@code n} distinct valid candidates, none of them pending or already observed (except
   * for intended re-evaluations of a noisy incumbent by GP-BO).
   */
  List<Candidate> ask(int n);

  /**
   * Registers a configuration handed out earlier (by this strategy before a restart, or by anyone)
   * as pending, so that it is not proposed again while it runs; returns its candidate, whose id a
   * later {@link #tell} may carry.
   */
  Candidate resume(java.util.Map<String, Object> params);

  /** Records results; ids may be null or unknown (points not proposed by this strategy). */
  void tell(List<Observation> observations);

  /** The recommended best configuration so far, empty before any observation. */
  Optional<Recommendation> best();

  /** All told values in order of arrival. */
  List<Double> values();
}
