package org.neurohpo.bayes.fidelity;

import java.util.Map;

/** Proposes the configuration of a new trial, knowing every trial so far. */
public interface Proposer {

  /**
   * A valid configuration not yet among {@code rungs}' trials, or null when none can be found (a
   * small finite space used up).
   */
  Map<String, Object> propose(Rungs rungs);
}
