package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Observation;

/**
 * GP-BO proposals for a multi-fidelity scheduler, BOHB-style (Falkner et al. 2018): the GP of
 * {@link BayesianStrategy} is fitted on the values of the highest rung that has at least {@code
 * minPoints} results (the initial-design size of {@link BayesOptions#forStudy}); every other trial
 * enters it as pending (a kriging-believer fantasy), so it is never proposed again. Until some rung
 * has enough results, proposals come from the shifted Halton sequence (GP-BO's own initial design).
 * A proposal depends only on the trials and results it is given, never on earlier calls' count, so
 * a study rebuilt from its history proposes what it would have without the restart.
 *
 * <p>Why one rung and not a GP over parameters and fidelity: values at different rungs are means of
 * different numbers of runs of the same noisy objective, not a different objective; the highest
 * populated rung is the least noisy sample of it, and the existing GP and acquisition serve
 * unchanged.
 */
public final class ModelProposer implements Proposer {
  private final SearchSpace space;
  private final long seed;
  private final BayesOptions options;
  private final RandomProposer design;

  public ModelProposer(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
    this.options = BayesOptions.forStudy(space.parameters().size(), 0);
    this.design = new RandomProposer(space, seed, true);
  }

  /** Results a rung needs before the GP is fitted on it. */
  public int minPoints() {
    return options.initialPoints();
  }

  @Override
  public Map<String, Object> propose(Rungs rungs) {
    int k = rungs.highestRungWith(minPoints());
    if (k < 0) {
      return design.propose(rungs);
    }
    // seeded by the number of the trial it proposes, so a proposer rebuilt from the same trials
    // (a restarted optimizer) proposes what the first one would have
    BayesianStrategy bo =
        new BayesianStrategy(space, seed * 1_000_003L + rungs.trials().size(), options);
    List<Observation> observed = new ArrayList<>();
    for (Rungs.Trial t : rungs.results(k)) {
      observed.add(new Observation(null, t.params(), t.value(k)));
    }
    bo.tell(observed);
    for (Rungs.Trial t : rungs.trials()) {
      if (Double.isNaN(t.value(k))) {
        bo.resume(t.params());
      }
    }
    Map<String, Object> c = bo.ask(1).get(0).params();
    Set<String> taken =
        rungs.trials().stream().map(t -> space.key(t.params())).collect(Collectors.toSet());
    return taken.contains(space.key(c)) ? design.propose(rungs) : c;
  }
}
