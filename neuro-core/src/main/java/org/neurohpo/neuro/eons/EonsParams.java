package org.neurohpo.neuro.eons;

/**
 * The EONS hyperparameters; names and defaults as the {@code training} HPs of the catalogue. The
 * *Rate values other than crossover, merge and mutation rates are relative weights.
 */
public record EonsParams(
    int populationSize,
    int generations,
    int startingNodes,
    int startingEdges,
    double crossoverRate,
    double mergeRate,
    double mutationRate,
    int numMutations,
    double tournamentSizeFactor,
    double tournamentBestNetFactor,
    double randomFactor,
    int numBest,
    double addNodeRate,
    double deleteNodeRate,
    double addEdgeRate,
    double deleteEdgeRate,
    double nodeParamsRate,
    double edgeParamsRate,
    double weightMutationWeight,
    double delayMutationWeight,
    double thresholdMutationWeight) {

  public EonsParams {
    atLeast("populationSize", populationSize, 2);
    atLeast("generations", generations, 1);
    atLeast("startingNodes", startingNodes, 0);
    atLeast("startingEdges", startingEdges, 0);
    probability("crossoverRate", crossoverRate);
    probability("mergeRate", mergeRate);
    if (crossoverRate + mergeRate > 1) {
      throw new IllegalArgumentException(
          "crossoverRate + mergeRate must not exceed 1, got " + (crossoverRate + mergeRate));
    }
    probability("mutationRate", mutationRate);
    atLeast("numMutations", numMutations, 1);
    probability("tournamentSizeFactor", tournamentSizeFactor);
    probability("tournamentBestNetFactor", tournamentBestNetFactor);
    probability("randomFactor", randomFactor);
    if (numBest < 0 || numBest > populationSize) {
      throw new IllegalArgumentException(
          "numBest must be in [0, populationSize=" + populationSize + "], got " + numBest);
    }
    double kinds =
        weight("addNodeRate", addNodeRate)
            + weight("deleteNodeRate", deleteNodeRate)
            + weight("addEdgeRate", addEdgeRate)
            + weight("deleteEdgeRate", deleteEdgeRate)
            + weight("nodeParamsRate", nodeParamsRate)
            + weight("edgeParamsRate", edgeParamsRate);
    if (kinds <= 0) {
      throw new IllegalArgumentException("at least one mutation kind needs a positive rate");
    }
    weight("weightMutationWeight", weightMutationWeight);
    weight("delayMutationWeight", delayMutationWeight);
    weight("thresholdMutationWeight", thresholdMutationWeight);
  }

  public static EonsParams defaults() {
    return new EonsParams(
        100, 100, 5, 10, 0.5, 0, 0.9, 3, 0.1, 0.9, 0.05, 4, 0.75, 0.25, 0.75, 0.25, 2.5, 2.5, 0.65,
        0.35, 1.0);
  }

  private static void atLeast(String name, int v, int min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }
  }

  private static void probability(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  private static double weight(String name, double v) {
    if (!(v >= 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
    }
    return v;
  }
}
