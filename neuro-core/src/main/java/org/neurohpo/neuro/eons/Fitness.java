package org.neurohpo.neuro.eons;

import org.neurohpo.risp.Network;

/**
 * How good a network is (higher is better; 1.0 is the best possible, which ends evolution early).
 * One instance is used by one thread at a time; it must be a pure function of the network.
 */
@FunctionalInterface
public interface Fitness {
  double evaluate(Network network);
}
