package org.neurohpo.neuro.eons;

import org.neurohpo.risp.Network;

/**
 * What one EONS run produced.
 *
 * @param best the best network of the last generation (a copy the caller owns)
 * @param bestFitness its fitness
 * @param bestFitnessPerGeneration best fitness after each generation that ran
 * @param evaluations how many fitness evaluations were made
 */
public record EonsResult(
    Network best, double bestFitness, double[] bestFitnessPerGeneration, long evaluations) {

  public int generationsRun() {
    return bestFitnessPerGeneration.length;
  }
}
