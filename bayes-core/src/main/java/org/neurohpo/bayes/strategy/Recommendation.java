package org.neurohpo.bayes.strategy;

import java.util.Map;

/**
 * The recommended configuration: the observed point with the lowest posterior mean (or lowest
 * observed mean without a model), its model estimate, observed mean and number of runs.
 */
public record Recommendation(
    Map<String, Object> params, double predictedMean, double observedMean, int runs) {}
