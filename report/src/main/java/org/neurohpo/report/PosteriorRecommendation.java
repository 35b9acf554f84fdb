package org.neurohpo.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.bayes.space.CategoricalParameter;
import org.neurohpo.bayes.space.Parameter;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Observation;
import org.neurohpo.bayes.strategy.Recommendation;
import org.neurohpo.experiments.StudyResult;

/**
 * A study's recommendation by the GP's posterior mean rather than by the best measured mean: the GP
 * of the optimizer (same search space, same model and fitting) is fitted to every trial's mean test
 * accuracy, and the evaluated set with the highest posterior mean is recommended. With noisy
 * measurements this shrinks a lucky set's mean towards its neighbours'. It applies to any study
 * whose trials are sets of its search space (GP-BO and random search alike).
 */
public final class PosteriorRecommendation {
  private PosteriorRecommendation() {}

  /** The key (as {@link StudyResult#key}) of the evaluated set with the best posterior mean. */
  public static String of(StudyResult study) {
    SearchSpace space = SpaceJson.fromNode(study.spec().path("searchSpace"));
    BayesianStrategy model =
        new BayesianStrategy(space, study.spec().path("optimizerSeed").asLong(1));
    List<Observation> observations = new ArrayList<>();
    for (StudyResult.Trial t : study.trials()) {
      observations.add(
          new Observation(
              Integer.toString(t.number()),
              space.canonical(typed(space, t.params())),
              -t.selectionMean()));
    }
    model.tell(observations);
    Recommendation r =
        model.best().orElseThrow(() -> new IllegalArgumentException(study.dir() + ": no trials"));
    Map<String, String> params = new LinkedHashMap<>();
    r.params().forEach((k, v) -> params.put(k, StudyResult.normal(String.valueOf(v))));
    return study.key(params);
  }

  /** A trial's parameters as the search space takes them: numbers for numeric parameters. */
  private static Map<String, Object> typed(SearchSpace space, Map<String, String> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      String v = params.get(p.name());
      if (v != null) {
        out.put(p.name(), p instanceof CategoricalParameter ? v : (Object) Double.parseDouble(v));
      }
    }
    return out;
  }
}
