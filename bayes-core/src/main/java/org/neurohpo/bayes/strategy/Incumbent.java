package org.neurohpo.bayes.strategy;

import java.util.Map;

/**
 * The recommended best point: by the GP's posterior mean when there is one, else by the mean of its
 * observations; {@code observedMean} is the plain mean of its observed values.
 */
public record Incumbent(Map<String, Object> params, double observedMean, int observations) {}
